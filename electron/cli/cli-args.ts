/**
 * Small argument helpers shared by the commands. Every check throws UsageError (exit 2) with a
 * message that names the option, what was given and what would be accepted, so the fix is in
 * the message itself. Values are checked before any project is opened or anything is written.
 */
import { UsageError } from './cli-io';

/** The one positional argument every project command takes: the project folder. */
export function projectDirArg(positionals: readonly string[], usage: string): string {
  const [dir, extra] = positionals;
  if (!dir) throw new UsageError(`Give the project folder (the one holding project.json): ${usage}`);
  if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}". Put text with spaces in quotes: ${usage}`);
  return dir;
}

/** A whole number option within [min, max]; `fallback` when the option was not given. */
export function intOption(raw: string | undefined, option: string, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max} (you gave "${raw}").`);
  }
  return value;
}

/** A number option (decimals allowed) within [min, max], or undefined when not given. */
export function numberOption(raw: string | undefined, option: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`${option} must be a number from ${min} to ${max} (you gave "${raw}").`);
  }
  return value;
}

/** A required text option: present, not blank, at most `max` characters. */
export function requiredText(raw: string | undefined, option: string, max: number, example: string): string {
  const value = raw?.trim() ?? '';
  if (!value) throw new UsageError(`${option} is required and cannot be empty, e.g. ${option} ${example}`);
  return optionalText(value, option, max) ?? value;
}

/** An optional text option, trimmed, at most `max` characters. */
export function optionalText(raw: string | undefined, option: string, max: number): string | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim();
  if (value.length > max) throw new UsageError(`${option} is ${value.length} characters long; the limit is ${max}. Shorten it.`);
  return value;
}

/** One of a fixed set of values (matched case-insensitively), returned in its canonical spelling. */
export function choiceOption<T extends string>(raw: string | undefined, option: string, choices: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  const found = choices.find((choice) => choice.toLowerCase() === raw.trim().toLowerCase());
  if (!found) throw new UsageError(`${option} must be one of ${choices.join(', ')} (you gave "${raw}").`);
  return found;
}

export { formatCents, plural } from '../../shared/format';
