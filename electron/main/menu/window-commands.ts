/**
 * The command gate (command-gate.ts) on Electron's windows: a window exists when
 * BrowserWindow.getAllWindows() lists one; Undo/Redo inside a dialog run the page's own editing
 * command (webContents.undo()/redo(), what the Edit menu's `undo`/`redo` roles do) in the focused
 * window, or the main window when Castboard is not in front.
 */
import { BrowserWindow } from 'electron';
import type { AppCommand } from '../../../shared/domain/commands';
import { createCommandGate, type CommandGate } from './command-gate';

export interface WindowCommandDeps {
  /** Opens the main window (or brings the existing one forward). */
  openWindow: () => void;
  /** Pushes `app:command` to the page. */
  deliver: (command: AppCommand) => void;
}

export function createWindowCommands(deps: WindowCommandDeps): CommandGate {
  return createCommandGate({
    hasWindow: () => BrowserWindow.getAllWindows().length > 0,
    openWindow: deps.openWindow,
    deliver: deps.deliver,
    editField(edit) {
      const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      if (!window || window.webContents.isDestroyed()) return;
      if (edit === 'undo') window.webContents.undo();
      else window.webContents.redo();
    },
  });
}
