/**
 * Money and counts in words, the same in the app and the CLI. Pure functions with no
 * dependencies, so the CLI's lightest commands can use them.
 */

/** Dollars for a cent amount, e.g. 30 -> "$0.30". */
export function formatCents(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

/** "1 image" / "3 images" (or the given plural). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
