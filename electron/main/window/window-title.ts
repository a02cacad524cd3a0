/**
 * The window title from the renderer's title state: "● Storyboard — Castboard" with unsaved
 * changes, "Storyboard — Castboard" when saved, "Castboard" with no project. macOS shows unsaved
 * state its own way (the dot in the close button, setDocumentEdited), so the title carries no dot
 * there. The keeper remembers the latest state for the close guard and the menu.
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
}

export function createTitleKeeper(options: { platform: NodeJS.Platform; windows: () => TitledWindow[]; onChange?: (state: TitleState, previous: TitleState) => void }): TitleKeeper {
  let state: TitleState = { projectTitle: null, dirty: false };
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
      state = { projectTitle: next.projectTitle, dirty: next.dirty };
      for (const window of options.windows()) apply(window);
      options.onChange?.(state, previous);
    },
    apply,
  };
}
