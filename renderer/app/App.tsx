/**
 * The app frame: title bar, the welcome screen or the editor, status bar, and the dialogs.
 * Features are composed here and nowhere else. Boot (settings, the project main still has open
 * after a reload, the queue) runs once; push events are already subscribed by the store.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ExportDialog } from '../features/export/ExportDialog';
import { BatchDialog } from '../features/generate/BatchDialog';
import { TakeViewer } from '../features/inspector/TakeViewer';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { ShortcutsDialog } from '../features/shortcuts/ShortcutsDialog';
import { StatusBar } from '../features/status/StatusBar';
import { EmptyState } from '../features/welcome/EmptyState';
import { NewProjectDialog } from '../features/welcome/NewProjectDialog';
import { useAppStore } from '../state/store-context';
import { useCommands } from './commands';
import { EditorScreen } from './EditorScreen';
import { useFocusFallback } from './focus-fallback';
import { Titlebar } from './Titlebar';
import { useGlobalShortcuts } from './use-global-shortcuts';

export function App() {
  const { boot, bootError, hasProject, settingsOpen, dialogOpen, closeDialog } = useAppStore(
    useShallow((s) => ({
      boot: s.boot,
      bootError: s.bootError,
      hasProject: s.doc !== null,
      settingsOpen: s.dialog?.kind === 'settings',
      dialogOpen: s.dialog !== null,
      closeDialog: s.closeDialog,
    })),
  );
  const commands = useCommands();
  useGlobalShortcuts(commands, true);
  useFocusFallback(hasProject, dialogOpen);

  useEffect(() => {
    void boot();
  }, [boot]);

  return (
    <div className="app-frame">
      <Titlebar commands={commands} />
      <main className={hasProject ? 'workspace workspace-editor' : 'workspace'}>
        {bootError && <p className="callout callout-error boot-error">{bootError}</p>}
        {hasProject ? <EditorScreen commands={commands} /> : <EmptyState onOpenSettings={commands.openSettings} />}
      </main>
      <StatusBar />
      <SettingsDialog open={settingsOpen} onClose={closeDialog} />
      <ShortcutsDialog />
      <BatchDialog />
      <ExportDialog />
      <NewProjectDialog />
      <TakeViewer />
    </div>
  );
}
