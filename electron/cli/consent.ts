/**
 * Consent before spending. Invariant: nothing paid is sent unless the user said yes — either
 * `--yes` on the command line, or "y" typed at the terminal after seeing the image count and
 * the cost. Without a terminal to ask on (a script, CI, a pipe) and without `--yes` the command
 * refuses (usage error, exit 2) instead of guessing.
 */
import { createInterface } from 'node:readline';
import { UsageError, type CliIo } from './cli-io';

/** Reads one line from `input`; '' when it ends, or when `signal` aborts (Ctrl-C), first. */
export function readAnswer(input: NodeJS.ReadableStream, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    const lines = createInterface({ input, terminal: false });
    let settled = false;
    const settle = (answer: string): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      lines.close();
      resolve(answer);
    };
    const onAbort = (): void => settle('');
    if (signal?.aborted) return settle('');
    signal?.addEventListener('abort', onAbort, { once: true });
    lines.once('line', (line) => settle(line));
    lines.once('close', () => settle(''));
  });
}

/**
 * True when spending `what` (e.g. "6 images for $0.30") is agreed. `question` is what is asked
 * on a terminal; the refusal without a terminal repeats `what` so scripts log the cost.
 */
export async function confirmSpend(io: CliIo, options: { yes: boolean; what: string; question: string }): Promise<boolean> {
  if (options.yes) return true;
  if (!io.isTTY?.stdin || !io.stdin) {
    throw new UsageError(`This would request ${options.what}. Nothing was sent: pass --yes to confirm the cost, or --dry-run to only see it.`);
  }
  const prompt = `${options.question} [y/N] `;
  if (io.stderrWrite) io.stderrWrite(prompt);
  else io.stderr(prompt);
  const answer = await readAnswer(io.stdin, io.signal);
  return /^\s*y(es)?\s*$/i.test(answer);
}
