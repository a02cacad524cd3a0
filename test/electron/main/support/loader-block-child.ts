/**
 * Run in a fresh process by untrusted-input.test.ts: can sharp decode an SVG before and after the
 * CLI (or the app's services) start? Prints JSON. A fresh process matters: sharp's loader block
 * is process-wide, so a test in a shared worker could pass because of some earlier test.
 */
import sharp from 'sharp';
import { runCli } from '../../../../electron/cli/run-cli';
import { createAppServices } from '../../../../electron/main/app-services';
import { silentLogger } from '../../../../electron/services/logger';
import { createFakeCipher, createMemorySecret, createScriptedDialogs } from '../../../harness/harness-adapters';

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>');
const decodes = () => sharp(svg).metadata().then(() => true, () => false);

const before = await decodes();
if (process.argv[2] === 'cli') {
  await runCli(['--version'], { stdout: () => undefined, stderr: () => undefined, env: {} }, '0.0.0');
} else {
  const store: Record<string, unknown> = {};
  createAppServices(
    {
      settingsStore: { get: (k) => store[k], set: (k, v) => void (store[k] = v), delete: (k) => void delete store[k] },
      cipher: createFakeCipher('encrypted'),
      secretPersistence: createMemorySecret(),
      dialogs: createScriptedDialogs(),
      logger: silentLogger,
      appInfo: { version: 'test', platform: 'linux' },
    },
    { push: () => undefined },
  ).generation.dispose();
}
process.stdout.write(JSON.stringify({ before, after: await decodes() }));
