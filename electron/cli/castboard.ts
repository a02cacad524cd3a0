/**
 * Entry point of the `castboard` command (built to dist/cli/castboard.js, package.json `bin`).
 * Wires the real process into CliIo. The first Ctrl-C asks the running command to stop cleanly
 * (cancel what is left, save the project, release its lock); a second one exits at once.
 */
import { createRequire } from 'node:module';
import { runCli } from './run-cli';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const interrupt = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('\nStopping... (press Ctrl-C again to quit at once)\n');
  interrupt.abort();
  process.once('SIGINT', () => process.exit(130));
});

const code = await runCli(
  process.argv.slice(2),
  {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    stderrWrite: (text) => process.stderr.write(text),
    env: process.env,
    stdin: process.stdin,
    isTTY: { stdin: Boolean(process.stdin.isTTY), stderr: Boolean(process.stderr.isTTY) },
    columns: process.stderr.columns,
    signal: interrupt.signal,
  },
  version,
);
process.exitCode = code;
