/**
 * Entry point of the `castboard` command (built to dist/cli/castboard.js, package.json `bin`).
 * Wires the real process into CliIo. The first Ctrl-C asks the running command to stop cleanly
 * (send nothing new, finish and save what was already sent and paid for, release the lock); a
 * second one tells the command (io.quit, so it can name what may be lost) and exits at once.
 */
import module, { createRequire } from 'node:module';
import { runCli } from './run-cli';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const QUIT_GRACE_MS = 250;
// Node 22.1+ keeps the compiled code of the command's modules between runs (most of a short
// command's start-up is compiling them); older Node versions simply skip this.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// `castboard info | head` closes our stdout early: that is the reader being done, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const interrupt = new AbortController();
const quit = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('\nStopping: nothing new is sent. (Press Ctrl-C again to quit at once.)\n');
  interrupt.abort();
  process.once('SIGINT', () => {
    quit.abort(); // listeners run now, synchronously, and print what may be lost
    // A quarter second for the project to record what may have been paid (an atomic save: an
    // exit halfway leaves the previous project.json), then out, whatever is still running.
    setTimeout(() => process.exit(130), QUIT_GRACE_MS);
  });
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
    quit: quit.signal,
  },
  version,
);
process.exitCode = code;
