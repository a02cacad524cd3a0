/**
 * Run in a fresh process by untrusted-input.test.ts: can sharp decode an SVG before and after the
 * CLI (or the app's services) start? Prints JSON. A fresh process matters: sharp's loader block
 * is process-wide, so a test in a shared worker could pass because of some earlier test.
 */
import sharp from 'sharp';

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>');
const decodes = () => sharp(svg).metadata().then(() => true, () => false);

const before = await decodes();
// The app's modules are imported only now: merely loading a service that uses sharp applies the
// block (electron/services/image-safety/sharp-gate.ts), so a static import would hide "before".
if (process.argv[2] === 'cli') {
  const { runCli } = await import('../../../../electron/cli/run-cli');
  // A command that handles images loads sharp, and with it the loader block.
  await runCli(['export', '--help'], { stdout: () => undefined, stderr: () => undefined, env: {} }, '0.0.0');
} else {
  const { testServices } = await import('./test-services');
  testServices().services.generation.dispose();
}
process.stdout.write(JSON.stringify({ before, after: await decodes() }));
