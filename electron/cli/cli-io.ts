/**
 * What every CLI command needs from its surroundings, passed in so commands are testable:
 * results go to stdout, progress and errors to stderr; exit codes are 0 success, 1 failure,
 * 2 usage error.
 */
export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
  fetch?: typeof globalThis.fetch;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the command was called: printed with a hint, exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
