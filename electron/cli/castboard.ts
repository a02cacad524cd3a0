/** Entry point of the `castboard` command (built to dist/cli/castboard.js, package.json `bin`). */
import { createRequire } from 'node:module';
import { runCli } from './run-cli';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const code = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
}, version);
process.exitCode = code;
