/**
 * Undo history covers the document only (zundo `temporal` with `partialize` to `{ doc }`): never
 * selection, dialogs, the queue, takes or spending. Typing is coalesced: every document edit
 * carries a key (e.g. `panel:<id>:scenePrompt`); an edit with the same key as the previous one,
 * less than `windowMs` after it, joins that step instead of starting a new one. Discrete edits
 * (add, delete, reorder, pick a take) use a null key and always make their own step.
 */
import type { ZundoOptions } from 'zundo';
import type { Project } from '../../shared/domain/project';

export const COALESCE_WINDOW_MS = 1000;
export const HISTORY_LIMIT = 300;

export interface Coalescer {
  /** Runs `apply` (which sets the document) as an edit with this coalescing key. */
  run(key: string | null, apply: () => void): void;
  /** Called by the history for each recorded change: false when it joins the previous step. */
  shouldRecord(): boolean;
  /** Ends the current typing burst (blur, undo, redo): the next edit starts a new step. */
  breakBurst(): void;
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

export function createCoalescer(now: () => number = () => Date.now(), windowMs = COALESCE_WINDOW_MS): Coalescer {
  let current: string | null = null;
  let lastKey: string | null = null;
  let lastAt = Number.NEGATIVE_INFINITY;
  return {
    run(key, apply) {
      current = key;
      try {
        apply();
      } finally {
        current = null;
      }
    },
    shouldRecord() {
      const at = now();
      const joins = current !== null && current === lastKey && at - lastAt < windowMs;
      lastKey = current;
      lastAt = at;
      return !joins;
    },
    breakBurst() {
      lastKey = null;
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
