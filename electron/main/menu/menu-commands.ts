/**
 * The menu's view of each command: its label, the shortcut it shows, and who owns the key.
 * The renderer's own keyboard handler (renderer/app/use-global-shortcuts.ts) owns the keys marked
 * `rendererKey`: it must not fire while the artist types, and it calls preventDefault when it
 * acts, so the menu only *shows* those shortcuts. Other keys (Mod+N, Mod+O, Mod+Shift+S, Mod+W,
 * Mod+,) the renderer leaves alone; the menu registers them and forwards the command.
 * `project.reload` is main-to-renderer only and has no menu item. Forwarded commands pass through
 * the command gate (command-gate.ts), which knows about dialogs and a missing window.
 */
import type { AppCommand } from '../../../shared/domain/commands';

export type MenuCommand = Exclude<AppCommand, 'project.reload'>;

export interface MenuCommandSpec {
  label: string;
  /** Electron accelerator syntax. */
  accelerator?: string;
  /** The renderer binds this key itself; the menu displays it without registering it. */
  rendererKey?: boolean;
  /** Greyed out while no project is open. */
  needsProject?: boolean;
}

export const MENU_COMMANDS: Readonly<Record<MenuCommand, MenuCommandSpec>> = {
  'project.new': { label: 'New Project…', accelerator: 'CmdOrCtrl+N' },
  'project.open': { label: 'Open Project…', accelerator: 'CmdOrCtrl+O' },
  'project.save': { label: 'Save', accelerator: 'CmdOrCtrl+S', rendererKey: true, needsProject: true },
  'project.saveAs': { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', needsProject: true },
  'project.export': { label: 'Export…', accelerator: 'CmdOrCtrl+E', rendererKey: true, needsProject: true },
  'project.close': { label: 'Close Project', accelerator: 'CmdOrCtrl+W', needsProject: true },
  // Always enabled: inside a dialog (Settings, New project...) they undo typing in the focused field,
  // with or without a project (menu/command-gate.ts); with no project and no dialog they do nothing.
  'edit.undo': { label: 'Undo', accelerator: 'CmdOrCtrl+Z', rendererKey: true },
  'edit.redo': { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', rendererKey: true },
  'panel.add': { label: 'Add Panel', accelerator: 'N', rendererKey: true, needsProject: true },
  'panel.duplicate': { label: 'Duplicate Panel', accelerator: 'D', rendererKey: true, needsProject: true },
  'panel.delete': { label: 'Delete Panel', accelerator: 'Delete', rendererKey: true, needsProject: true },
  'panel.generate': { label: 'Generate…', accelerator: 'G', rendererKey: true, needsProject: true },
  'panel.restyle': { label: 'Restyle…', needsProject: true },
  'consistency.check': { label: 'Check Consistency', accelerator: 'C', rendererKey: true, needsProject: true },
  'app.settings': { label: 'Settings…', accelerator: 'CmdOrCtrl+,' },
  'help.shortcuts': { label: 'Keyboard Shortcuts', accelerator: '?', rendererKey: true },
  'help.about': { label: 'About Castboard' },
  'help.openLogs': { label: 'Open Logs Folder' },
};
