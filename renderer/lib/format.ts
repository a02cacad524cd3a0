/** Small formatters shared by the UI: money, counts, countdowns, save times. Pure functions. */

export { formatCents, plural } from '../../shared/format';

/** What was paid for without an image, counts above zero only: "1 unusable, 2 outcome unknown", "" for none. */
export function withoutImageCounts(unusable: number, unknown: number): string {
  return [unusable > 0 ? `${unusable} unusable` : '', unknown > 0 ? `${unknown} outcome unknown` : ''].filter(Boolean).join(', ');
}

/** "0:42", "1:05", "12:00" for whole seconds. */
export function formatMinutes(wholeSeconds: number): string {
  return `${Math.floor(wholeSeconds / 60)}:${String(wholeSeconds % 60).padStart(2, '0')}`;
}

/** A wait as "0:27", rounded up so 0:00 means "now". */
export function formatCountdown(ms: number): string {
  return formatMinutes(Math.max(0, Math.ceil(ms / 1000)));
}

/**
 * The date formatters, each made once: every toLocale*String call builds a formatter of its own,
 * and the first one in a page loads the locale data (20-30 ms), which must not happen while the
 * board opens or the selection moves. prepareDateFormats() makes them while the page waits for
 * main's first answers (renderer/main.tsx).
 */
const formats: { time?: Intl.DateTimeFormat; day?: Intl.DateTimeFormat; take?: Intl.DateTimeFormat } = {};
const timeFormat = () => (formats.time ??= new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' }));
const dayFormat = () => (formats.day ??= new Intl.DateTimeFormat([], { day: 'numeric', month: 'short' }));
const takeFormat = () => (formats.take ??= new Intl.DateTimeFormat([], { dateStyle: 'short', timeStyle: 'short' }));

export function prepareDateFormats(): void {
  timeFormat();
  dayFormat();
  takeFormat();
}

/** "17:40" for today, else "21 Nov 17:40". */
export function formatSavedAt(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const time = timeFormat().format(date);
  return date.toDateString() === now.toDateString() ? time : `${dayFormat().format(date)} ${time}`;
}

/** When a take was made, in the artist's locale ("30/11/2026, 09:40"). */
export function formatTakeTime(iso: string): string {
  return takeFormat().format(new Date(iso));
}

/** The key names of the platform: ⌘ on macOS, Ctrl elsewhere. */
export function modKey(): string {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
}
