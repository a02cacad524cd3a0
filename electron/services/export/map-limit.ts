/**
 * Ordered map with at most `limit` tasks in flight: bounds how many panels are decoded at once.
 * After the first failure or an abort no new task starts; in-flight tasks are awaited before the
 * error is thrown, so no work continues after the export has returned.
 */
import { CastboardError } from '../../../shared/errors';

/**
 * Panels processed at once. sharp runs on libuv's thread pool (4 threads unless
 * UV_THREADPOOL_SIZE says otherwise): one panel per thread keeps it busy while a panel's text is
 * being laid out, and more would only queue and hold memory. Measured on 2 cores: 4 at a time is
 * about 30% faster than 2 (bench/contact-sheet.ts).
 */
export const EXPORT_CONCURRENCY = Math.min(8, Math.max(2, Number(process.env.UV_THREADPOOL_SIZE) || 4));

export function cancelled(): CastboardError {
  return new CastboardError('CANCELLED', 'Export cancelled. Nothing was written.');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>, signal?: AbortSignal): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      if (signal?.aborted) {
        failure = { error: cancelled() };
        return;
      }
      const index = next;
      next += 1;
      try {
        results[index] = await task(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}
