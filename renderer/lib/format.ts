/** Small formatters shared by the UI: money, counts, countdowns, save times. Pure functions. */

export { formatCents, plural } from '../../shared/format';

/** "0:27", "1:05", "12:00" — whole seconds, rounded up so 0:00 means "now". */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** "17:40" for today, else "21 Nov 17:40". */
export function formatSavedAt(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return date.toDateString() === now.toDateString() ? time : `${date.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${time}`;
}

let takeTimeFormat: Intl.DateTimeFormat | undefined;

/**
 * When a take was made, in the artist's locale ("30/11/2026, 09:40"). One formatter, made on first
 * use: each toLocaleString call builds its own, and the first one in a page loads the locale data
 * (tens of milliseconds), which must not happen while the board opens or the selection moves.
 */
export function formatTakeTime(iso: string): string {
  takeTimeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
  return takeTimeFormat.format(new Date(iso));
}

/** The key names of the platform: ⌘ on macOS, Ctrl elsewhere. */
export function modKey(): string {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
}
