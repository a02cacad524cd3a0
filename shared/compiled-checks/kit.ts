/**
 * The building blocks of the compiled checks (the *.generated.ts files written by
 * scripts/gen-compiled-checks.ts from zod schemas): small combinators that check a plain value and
 * build the same output zod would, without zod. Each check returns the output, or a failure:
 *  - INVALID: zod refuses this value too (a wrong type, a value off a list, a broken rule);
 *  - UNSURE: this quick check cannot tell (characters beyond the Basic Multilingual Plane near a
 *    length limit, an explicit `undefined`, an object that is not a plain one), so zod decides.
 * Invariant: a value accepted here is accepted by the schema the check was compiled from, with an
 * equal output (same keys, same order, same defaults); test/electron/services/compiled-checks.test.ts
 * and test/shared/ipc/answer-checks.test.ts hold both sides against each other. Rejections are always re-checked by zod, which writes the
 * message, so a compiled check may refuse more than zod, never less.
 */
export const INVALID = Symbol('invalid');
export const UNSURE = Symbol('unsure');
export type Failure = typeof INVALID | typeof UNSURE;

/** Checks a value: its output, or a Failure. */
export type Check = (value: unknown) => unknown;
/** A further rule on an already-typed value: true, or a Failure. */
export type Rule<T> = (value: T) => true | Failure;

export const failed = (result: unknown): result is Failure => result === INVALID || result === UNSURE;

const SURROGATE = /[\uD800-\uDFFF]/;

// zod counts string lengths in code points; UTF-16 length equals that count when no surrogate is
// present and is at most twice it otherwise, which decides every case but a few near the limit.
export const minChars = (min: number): Rule<string> => (text) =>
  text.length >= 2 * min || (!SURROGATE.test(text) ? text.length >= min || INVALID : UNSURE);
export const maxChars = (max: number): Rule<string> => (text) => text.length <= max || (SURROGATE.test(text) ? UNSURE : INVALID);
export const pattern = (regex: RegExp): Rule<string> => (text) => regex.test(text) || INVALID;

/** zod's `.trim()` rewrites the value: only a value it leaves as it is has a known output. */
export const trimmed: Rule<string> = (text) => text === text.trim() || UNSURE;

const TAB_OR_NEWLINE = /[\t\n\r]/;
/**
 * zod's `.url()` (no hostname, protocol or normalize option): a URL that parses, output trimmed and
 * without tabs or newlines. A value either would change is left to zod.
 */
export const url: Rule<string> = (text) => (text !== text.trim() || TAB_OR_NEWLINE.test(text) ? UNSURE : URL.canParse(text) || INVALID);

export const minItems = (min: number): Rule<readonly unknown[]> => (items) => items.length >= min || INVALID;
export const maxItems = (max: number): Rule<readonly unknown[]> => (items) => items.length <= max || INVALID;

export const safeInteger: Rule<number> = (value) => Number.isSafeInteger(value) || INVALID;
export const atLeast = (bound: number, inclusive: boolean): Rule<number> => (value) => (inclusive ? value >= bound : value > bound) || INVALID;
export const atMost = (bound: number, inclusive: boolean): Rule<number> => (value) => (inclusive ? value <= bound : value < bound) || INVALID;

/** A rule of project-rules.ts (a `.refine` of the schema). */
export const refine = <T>(predicate: (value: T) => boolean): Rule<T> => (value) => predicate(value) || INVALID;
/**
 * A rule of project-rules.ts on a whole object. It runs on the object its fields' checks built,
 * so the value already has the shape the predicate is typed for (the schema's output).
 */
export const refineObject = <T>(predicate: (value: T) => boolean): Rule<Record<string, unknown>> => (value) => predicate(value as T) || INVALID;

function applyRules<T>(value: T, rules: ReadonlyArray<Rule<T>>): T | Failure {
  for (const rule of rules) {
    const verdict = rule(value);
    if (verdict !== true) return verdict;
  }
  return value;
}

export const string = (...rules: Array<Rule<string>>): Check => (value) => (typeof value === 'string' ? applyRules(value, rules) : INVALID);
export const number = (...rules: Array<Rule<number>>): Check => (value) => (typeof value === 'number' && Number.isFinite(value) ? applyRules(value, rules) : INVALID);
export const boolean: Check = (value) => (typeof value === 'boolean' ? value : INVALID);
export const nullValue: Check = (value) => (value === null ? null : INVALID);

/** One of these exact values (zod enum and literal). */
export function oneOf(values: ReadonlyArray<string | number>): Check {
  const allowed = new Set<unknown>(values);
  return (value) => (allowed.has(value) ? value : INVALID);
}

/** A checked value handed to a `.transform` of the schema (a named function, as refinements are). */
export const pipe = (inner: Check, transform: (value: never) => unknown): Check => (value) => {
  const checked = inner(value);
  return failed(checked) ? checked : transform(checked as never);
};

/** z.unknown(): anything, as it is. */
export const anything: Check = (value) => value;

/** z.custom(predicate): the value as it is, when the predicate holds. */
export const custom = (predicate: (value: unknown) => boolean): Check => (value) => (predicate(value) ? value : INVALID);

export const nullable = (inner: Check): Check => (value) => (value === null ? null : inner(value));

/** The first option that accepts; an option that cannot tell stops the search (zod might take it). */
export function union(...options: Check[]): Check {
  return (value) => {
    for (const option of options) {
      const result = option(value);
      if (result === UNSURE || !failed(result)) return result;
    }
    return INVALID;
  };
}

export function array(element: Check, ...rules: Array<Rule<unknown[]>>): Check {
  return (value) => {
    if (!Array.isArray(value)) return INVALID;
    const items: unknown[] = value;
    const out = new Array<unknown>(items.length);
    for (let index = 0; index < items.length; index += 1) {
      const item = element(items[index]);
      if (failed(item)) return item;
      out[index] = item;
    }
    return applyRules(out, rules);
  };
}

/** A plain object as JSON.parse makes it; anything else is left to zod. */
function plainObject(value: unknown): Record<string, unknown> | Failure {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return INVALID;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null ? (value as Record<string, unknown>) : UNSURE;
}

export function record(key: Check, valueCheck: Check): Check {
  return (value) => {
    const input = plainObject(value);
    if (failed(input)) return input;
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(input)) {
      if (name === '__proto__') return UNSURE;
      const checkedKey = key(name);
      if (failed(checkedKey)) return checkedKey;
      const item = valueCheck(input[name]);
      if (failed(item)) return item;
      out[name] = item;
    }
    return out;
  };
}

type Primitive = string | number | boolean | null;

/** How a field may be absent: never, simply left out, or filled with a default (a fresh copy each time, as zod does). */
export type Field = { check: Check } | { check: Check; optional: true } | { check: Check; fallback: Primitive | readonly Primitive[] };

/**
 * What an object does with keys its schema does not name: drop them (z.object), refuse them
 * (.strict()), or keep them as they are after the named ones (z.looseObject).
 */
export type ExtraKeys = 'strip' | 'strict' | 'keep';

/** Fields are checked and copied in the schema's order, which is also the order of the output keys. */
export function object(fields: Readonly<Record<string, Field>>, extra: ExtraKeys, ...rules: Array<Rule<Record<string, unknown>>>): Check {
  const names = Object.keys(fields);
  const known = new Set(names);
  return (value) => {
    const input = plainObject(value);
    if (failed(input)) return input;
    if (extra === 'strict' && Object.keys(input).some((name) => !known.has(name))) return INVALID;
    const out: Record<string, unknown> = {};
    for (const name of names) {
      const field = fields[name] as Field;
      const raw = input[name];
      if (raw === undefined && ('optional' in field || 'fallback' in field)) {
        if (name in input) return UNSURE; // zod keeps an explicit undefined key; leave that to it
        if ('fallback' in field) out[name] = Array.isArray(field.fallback) ? [...(field.fallback as readonly Primitive[])] : field.fallback;
        continue;
      }
      const checked = field.check(raw);
      if (failed(checked)) return checked;
      out[name] = checked;
    }
    if (extra === 'keep') {
      for (const name of Object.keys(input)) {
        if (known.has(name) || name === '__proto__') continue; // zod never copies a __proto__ key
        if (input[name] === undefined) return UNSURE;
        out[name] = input[name];
      }
    }
    return applyRules(out, rules);
  };
}
