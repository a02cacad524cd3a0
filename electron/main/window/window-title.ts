/**
 * The window title from the renderer's title state: "● Storyboard — Castboard" with unsaved
 * changes, "Storyboard — Castboard" when saved, "Castboard" with no project. macOS shows unsaved
 * state its own way (the dot in the close button, setDocumentEdited), so the title carries no dot
 * there. The keeper remembers the latest state for the close guard and the menu, and lets the
 * close wait until the window has handed main the edits it still held (`untilEditsHanded`).
 */
import type { BrowserWindow } from 'electron';
import type { TitleState } from '../../../shared/domain/commands';

export const APP_NAME = 'Castboard';

export function windowTitle(state: TitleState, platform: NodeJS.Platform): string {
  const title = state.projectTitle?.trim();
  if (!title) return APP_NAME;
  const mark = state.dirty && platform !== 'darwin' ? '● ' : '';
  return `${mark}${title} — ${APP_NAME}`;
}

type TitledWindow = Pick<BrowserWindow, 'setTitle' | 'setDocumentEdited' | 'isDestroyed'>;

export interface TitleKeeper {
  readonly state: TitleState;
  set(state: TitleState): void;
  /** Shows the current state on a (new) window. */
  apply(window: TitledWindow): void;
  /**
   * Resolves true once the window reports no unsent edits (at once when it has none), false
   * after `timeoutMs` (a page that hangs or died must not keep the close waiting).
   */
  untilEditsHanded(timeoutMs: number): Promise<boolean>;
}

export function createTitleKeeper(options: { platform: NodeJS.Platform; windows: () => TitledWindow[]; onChange?: (state: TitleState, previous: TitleState) => void }): TitleKeeper {
  let state: TitleState = { projectTitle: null, dirty: false, unsentEdits: false };
  const waiting = new Set<() => void>();
  const apply = (window: TitledWindow) => {
    if (window.isDestroyed()) return;
    window.setTitle(windowTitle(state, options.platform));
    if (options.platform === 'darwin') window.setDocumentEdited(state.dirty);
  };
  return {
    get state() {
      return state;
    },
    set(next) {
      const previous = state;
      state = { projectTitle: next.projectTitle, dirty: next.dirty, unsentEdits: next.unsentEdits ?? false };
      for (const window of options.windows()) apply(window);
      options.onChange?.(state, previous);
      if (!state.unsentEdits) for (const release of [...waiting]) release();
    },
    apply,
    untilEditsHanded(timeoutMs) {
      if (!state.unsentEdits) return Promise.resolve(true);
      return new Promise((resolve) => {
        const finish = (handed: boolean) => {
          clearTimeout(timer);
          waiting.delete(release);
          resolve(handed);
        };
        const release = () => finish(true);
        const timer = setTimeout(() => finish(false), timeoutMs);
        waiting.add(release);
      });
    },
  };
}
