/**
 * The window's side of the app menu and window title (shared/domain/commands.ts): menu clicks
 * arrive as `app:command` and run the same command a button or shortcut runs; the project title
 * and whether anything is unsaved (including edits not yet handed to main) go back to main for
 * the title bar and the close guard, and whether a modal dialog is open goes back too, so the
 * menu's Undo edits the dialog's field instead of the storyboard. All wired once, outside React.
 */
import { isMainCommand, type AppCommand, type WindowCommand } from '../../shared/domain/command-names';
import type { TitleState } from '../../shared/domain/commands';
import type { CastboardApi } from '../lib/api';
import type { Commands } from './commands';
import { watchModalOpen } from './modal-watch';
import type { AppState, AppStore } from '../state/app-state';

export function runAppCommand(command: AppCommand, commands: Commands): void {
  if (isMainCommand(command)) return; // main runs these itself and never sends them
  const table: Record<WindowCommand, () => void> = {
    'project.new': commands.newProject,
    'project.open': commands.openProject,
    'project.save': commands.save,
    'project.saveAs': commands.saveAs,
    'project.export': commands.openExport,
    'project.close': commands.closeProject,
    'project.reload': commands.reloadProject,
    'edit.undo': commands.undo,
    'edit.redo': commands.redo,
    'panel.add': commands.addPanel,
    'panel.duplicate': commands.duplicateSelection,
    'panel.delete': commands.deleteSelection,
    'panel.generate': commands.generateSelection,
    'panel.restyle': commands.focusRestyle,
    'consistency.check': commands.checkConsistency,
    'app.settings': commands.openSettings,
    'help.shortcuts': commands.openShortcuts,
  };
  table[command]();
}

function titleState(state: AppState): TitleState {
  const unsentEdits = state.doc !== null && state.localChanges;
  const dirty = unsentEdits || (state.doc !== null && (state.saveStatus?.dirty ?? false));
  return { projectTitle: state.doc?.title ?? null, dirty, unsentEdits };
}

/**
 * Subscribes to menu commands and reports title changes and modal dialogs; returns the
 * unsubscribe function. The first modal report, sent only once commands are listened for, tells
 * main the window is ready for them.
 */
export function connectMainCommands(store: AppStore, api: CastboardApi, commands: Commands): () => void {
  const offCommand = api.on('app:command', ({ command }) => runAppCommand(command, commands));
  const offModal = watchModalOpen((modalOpen) => void api.app.setModalState({ modalOpen }).catch(() => undefined));
  let last = '';
  const report = (state: AppState) => {
    const next = titleState(state);
    const key = JSON.stringify(next);
    if (key === last) return;
    last = key;
    api.app.setTitleState(next).catch(() => undefined);
  };
  report(store.getState());
  const offStore = store.subscribe(report);
  return () => {
    offCommand();
    offModal();
    offStore();
  };
}
