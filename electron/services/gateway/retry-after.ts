/**
 * Parses a Retry-After header: delta-seconds (any length) or an HTTP date, per RFC 9110 §10.2.3.
 * Returns the wait in milliseconds from `now`, never negative, or undefined when the header is
 * missing or unreadable (the caller then picks its own backoff).
 */

export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Every HTTP-date form starts with a day name; this keeps "-5" or "2030" from parsing as dates.
  if (!/^[A-Za-z]{3}/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
