/**
 * Run in a fresh process by untrusted-input.test.ts: can sharp decode an SVG before and after the
 * CLI (or the app's services) start? Prints JSON. A fresh process matters: sharp's loader block
 * is process-wide, so a test in a shared worker could pass because of some earlier test.
 */
import sharp from 'sharp';
import { runCli } from '../../../../electron/cli/run-cli';
import { testServices } from './test-services';

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>');
const decodes = () => sharp(svg).metadata().then(() => true, () => false);

const before = await decodes();
if (process.argv[2] === 'cli') {
  await runCli(['--version'], { stdout: () => undefined, stderr: () => undefined, env: {} }, '0.0.0');
} else {
  testServices().services.generation.dispose();
}
process.stdout.write(JSON.stringify({ before, after: await decodes() }));
