/**
 * Undo history covers the document only (zundo `temporal` with `partialize` to `{ doc }`): never
 * selection, dialogs, the queue, takes or spending. Typing is coalesced: every document edit
 * carries a burst (a key such as `panel:<id>:scenePrompt`); an edit with the same key as the
 * previous one, less than `windowMs` after it, joins that step instead of starting a new one.
 * Discrete edits (add, delete, reorder, pick a take) have no burst and always make their own step.
 *
 * Typed text steps like a text editor's (the rule is `typedBurst`, the one place it lives): a pause
 * or whitespace typed after a word (a space, a new line) starts a new step, so Ctrl+Z takes back the last word or line, never every sentence typed since
 * the field took focus, and still never one keystroke at a time.
 */
import type { ZundoOptions } from 'zundo';
import type { Project } from '../../shared/domain/project';
import { textChange } from '../lib/text-change';

export const COALESCE_WINDOW_MS = 1000;
export const HISTORY_LIMIT = 300;

/** What an edit tells the history about typing: the run it continues, and whether it begins a step itself. */
export interface TypingBurst {
  key: string;
  startsStep: boolean;
}

/** A plain key is a burst that only a pause or another key ends (a number, a sketch stroke). */
export type BurstKey = TypingBurst | string | null;

export interface Coalescer {
  /** Runs `apply` (which sets the document) as an edit of this burst. */
  run(burst: BurstKey, apply: () => void): void;
  /** Called by the history for each recorded change: false when it joins the previous step. */
  shouldRecord(): boolean;
  /** Ends the current typing burst (blur, undo, redo): the next edit starts a new step. */
  breakBurst(): void;
  /** True when the last recorded change was of this burst's field: the newest undo step is its run. */
  continues(burst: BurstKey): boolean;
}

/**
 * Equal by value; unchanged parts of two documents are the same objects (edits never mutate), so
 * this walks only the path an edit changed.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * The coalescing key of a patch: typing into one of `typedFields` (a text or a number) joins the
 * previous keystrokes of that field in `scope`; a patch of several fields, or of any other field
 * (a pick from a list, a checkbox), is a step of its own.
 */
export function burstKey(scope: string, patch: object, typedFields: ReadonlySet<string>): string | null {
  const [field, ...others] = Object.keys(patch);
  return field !== undefined && others.length === 0 && typedFields.has(field) ? `${scope}:${field}` : null;
}

const WHITESPACE = /\s/;

/**
 * The burst of text typed into `field` of `scope`, going from `before` to `after`: whitespace typed
 * right after a word (or a paste starting with it) begins the next step, so each word or line, with
 * the space or line break before it, is one step. A value that is not text (a number) only
 * continues its field's run.
 */
export function typedBurst(scope: string, field: string, before: unknown, after: unknown): TypingBurst {
  const key = `${scope}:${field}`;
  if (typeof before !== 'string' || typeof after !== 'string') return { key, startsStep: false };
  const { at, inserted } = textChange(before, after);
  const first = inserted.charAt(0);
  const previous = after.charAt(at - 1);
  return { key, startsStep: first !== '' && WHITESPACE.test(first) && previous !== '' && !WHITESPACE.test(previous) };
}

/** The burst of a patch of `current` when it types into one of `typedFields` (see burstKey); else null. */
export function typedPatchBurst<T extends object>(scope: string, current: T | undefined, patch: Partial<T>, typedFields: ReadonlySet<string>): TypingBurst | null {
  const key = burstKey(scope, patch, typedFields);
  if (key === null || current === undefined) return key === null ? null : { key, startsStep: false };
  const field = key.slice(scope.length + 1) as keyof T;
  return typedBurst(scope, String(field), current[field], patch[field]);
}

export function createCoalescer(now: () => number = () => Date.now(), windowMs = COALESCE_WINDOW_MS): Coalescer {
  let current: TypingBurst | null = null;
  let lastKey: string | null = null;
  let lastAt = Number.NEGATIVE_INFINITY;
  return {
    run(burst, apply) {
      current = typeof burst === 'string' ? { key: burst, startsStep: false } : burst;
      try {
        apply();
      } finally {
        current = null;
      }
    },
    shouldRecord() {
      const at = now();
      const joins = current !== null && !current.startsStep && current.key === lastKey && at - lastAt < windowMs;
      lastKey = current?.key ?? null;
      lastAt = at;
      return !joins;
    },
    breakBurst() {
      lastKey = null;
    },
    continues(burst) {
      const key = typeof burst === 'string' ? burst : (burst?.key ?? null);
      return key !== null && key === lastKey;
    },
  };
}

export interface HistoryState {
  doc: Project | null;
}

/** Options for zundo's `temporal`: document only, coalesced, bounded. */
export function historyOptions<S extends HistoryState>(coalescer: Coalescer): ZundoOptions<S, HistoryState> {
  return {
    partialize: (state) => ({ doc: state.doc }),
    equality: (past, current) => past.doc === current.doc,
    limit: HISTORY_LIMIT,
    handleSet: (record) => (pastState, replace, currentState, deltaState) => {
      if (coalescer.shouldRecord()) {
        (record as unknown as (...args: unknown[]) => void)(pastState, replace, currentState, deltaState);
      }
    },
  };
}
