/**
 * What every CLI command needs from its surroundings, passed in so commands are testable:
 * results go to stdout, progress and errors to stderr; exit codes are 0 success, 1 failure,
 * 2 usage error. Questions are asked only when stdin is a terminal (`isTTY.stdin`), and the
 * progress bar is drawn only when stderr is one; otherwise progress is plain lines.
 */
export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  fetch?: typeof globalThis.fetch;
  /** Where answers to questions are read from (one line each). */
  stdin?: NodeJS.ReadableStream;
  /** Which streams are interactive terminals; absent means neither (scripts, CI, tests). */
  isTTY?: { stdin: boolean; stderr: boolean };
  /** Writes to stderr without a newline, to redraw the progress bar in place. */
  stderrWrite?: (text: string) => void;
  /** Terminal width for the progress bar. */
  columns?: number;
  /** Aborted on Ctrl-C: nothing new starts; requests already sent finish and are saved. */
  signal?: AbortSignal;
  /** Aborted on a second Ctrl-C, just before the process exits: say at once what is lost. */
  quit?: AbortSignal;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the command was called: printed with a hint, exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
