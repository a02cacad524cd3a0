/**
 * Where and when a menu command forwarded to the window goes (after command-router.ts kept the
 * ones main runs itself). Invariants:
 *  - no window (macOS keeps running with none): one is opened first, and the command runs once
 *    its page listens for commands (its first `app:setModalState` report);
 *  - a modal dialog open: Undo/Redo act on the focused text field (the page's native edit undo,
 *    webContents.undo()/redo()), never on the storyboard behind the dialog; every other command
 *    waits until the dialog closes;
 *  - while waiting, one command is held: a newer one replaces it (the artist's latest intent);
 *  - `projectChanged()` (main opened a project the OS, a second launch or Open Recent handed it)
 *    tells the page to reload the project as soon as it listens: a push sent earlier, while the
 *    page still loads, would be lost, and the page would show the start screen (its start-up read
 *    of the current project can come before main's open finished). It is kept apart from the
 *    held menu command (neither replaces the other) and does not wait for a dialog: the page must
 *    never keep editing a project main no longer has open.
 * Electron-free: the glue passes in how to open a window, deliver a command and edit the field.
 */
import type { AppCommand, ModalState } from '../../../shared/domain/commands';

export type FieldEdit = 'undo' | 'redo';

const FIELD_EDITS: Partial<Record<AppCommand, FieldEdit>> = { 'edit.undo': 'undo', 'edit.redo': 'redo' };

export interface CommandGateDeps {
  hasWindow: () => boolean;
  /** Opens (or brings forward) the main window. */
  openWindow: () => void;
  /** Sends the command to the page (the `app:command` push). */
  deliver: (command: AppCommand) => void;
  /** Undo/redo in the focused field of the page. */
  editField: (edit: FieldEdit) => void;
}

export interface CommandGate {
  send: (command: AppCommand) => void;
  /** The page's report: it listens for commands, and whether a modal dialog is open. */
  report: (state: ModalState) => void;
  /** Main opened another project: the page reloads it once it listens (`project.reload`). */
  projectChanged: () => void;
  /** The window closed, or its page died: the page no longer listens. */
  windowClosed: () => void;
}

export function createCommandGate(deps: CommandGateDeps): CommandGate {
  let listening = false;
  let modalOpen = false;
  let waiting: AppCommand | null = null;
  let reloadWaiting = false;

  const flush = () => {
    if (!listening) return;
    if (reloadWaiting) {
      reloadWaiting = false;
      deps.deliver('project.reload');
    }
    if (modalOpen || waiting === null) return;
    const command = waiting;
    waiting = null;
    deps.deliver(command);
  };

  return {
    send(command) {
      if (!deps.hasWindow()) {
        listening = false;
        modalOpen = false;
        waiting = command;
        deps.openWindow();
        return;
      }
      const fieldEdit = FIELD_EDITS[command];
      if (listening && modalOpen && fieldEdit) {
        deps.editField(fieldEdit);
        return;
      }
      waiting = command;
      flush();
    },
    projectChanged() {
      reloadWaiting = true;
      flush();
    },
    report(state) {
      listening = true;
      modalOpen = state.modalOpen;
      flush();
    },
    windowClosed() {
      listening = false;
      modalOpen = false;
    },
  };
}
