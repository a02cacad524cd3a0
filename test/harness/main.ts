/** `npm run harness -- --port <p> [--project <dir>] [--key-protection plain-text-fallback]`: starts the harness and prints its URL. */
import { parseArgs } from 'node:util';
import { startHarness } from './server';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, project: { type: 'string' }, 'key-protection': { type: 'string' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a number between 0 and 65535 (got "${values.port}").`);
  process.exit(2);
}
const protection = values['key-protection'];
if (protection !== undefined && protection !== 'encrypted' && protection !== 'plain-text-fallback' && protection !== 'unavailable') {
  console.error('--key-protection must be encrypted, plain-text-fallback or unavailable.');
  process.exit(2);
}

const harness = await startHarness({ port, projectDir: values.project, keyProtection: protection, interactiveDialogs: true });
console.log(`Castboard harness: ${harness.url}`);
if (harness.gateway) console.log(`Fake gateway: ${harness.gateway.url}`);

const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
