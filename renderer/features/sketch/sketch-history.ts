/**
 * Undo and redo of strokes inside the sketch pad, separate from the app's document history (one
 * step is one stroke, or one Clear). Snapshots share stroke objects, so a long history of a
 * 2,000-stroke sketch costs arrays of references, not copies of points. A reopened sketch can be
 * undone stroke by stroke too.
 */
import type { SketchStroke } from '../../../shared/domain/project';

export interface SketchHistory {
  past: ReadonlyArray<readonly SketchStroke[]>;
  present: readonly SketchStroke[];
  future: ReadonlyArray<readonly SketchStroke[]>;
}

export type SketchAction = { type: 'add'; stroke: SketchStroke } | { type: 'clear' } | { type: 'undo' } | { type: 'redo' };

const MAX_STEPS = 500;

export function startHistory(strokes: readonly SketchStroke[]): SketchHistory {
  return { past: [], present: strokes, future: [] };
}

function commit(history: SketchHistory, next: readonly SketchStroke[]): SketchHistory {
  return { past: [...history.past, history.present].slice(-MAX_STEPS), present: next, future: [] };
}

export function sketchReducer(history: SketchHistory, action: SketchAction): SketchHistory {
  switch (action.type) {
    case 'add':
      return commit(history, [...history.present, action.stroke]);
    case 'clear':
      return history.present.length === 0 ? history : commit(history, []);
    case 'undo': {
      // A sketch reopened from the project has no past yet: undo still takes its strokes back, newest first.
      const previous = history.past.at(-1) ?? (history.present.length > 0 ? history.present.slice(0, -1) : undefined);
      return previous ? { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] } : history;
    }
    case 'redo': {
      const [next, ...rest] = history.future;
      return next ? { past: [...history.past, history.present], present: next, future: rest } : history;
    }
  }
}
