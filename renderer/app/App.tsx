/** The app frame: title bar, workspace, status bar. Features are composed here and nowhere else. */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { EmptyState } from '../features/welcome/EmptyState';
import { useAppStore } from './app-context';

export function App() {
  const { loadSettings, subscribeSettings, keyStatus } = useAppStore(
    useShallow((s) => ({ loadSettings: s.loadSettings, subscribeSettings: s.subscribeSettings, keyStatus: s.keyStatus })),
  );
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    const unsubscribe = subscribeSettings();
    loadSettings().catch(() => setLoadError('Castboard could not read its settings. Restart the app; your projects are not affected.'));
    return unsubscribe;
  }, [loadSettings, subscribeSettings]);

  return (
    <div className="app-frame">
      <header className="titlebar">
        <div className="brand" aria-label="Castboard">
          <span className="brand-mark" aria-hidden="true" />
          Castboard
        </div>
        <div className="titlebar-actions">
          <button type="button" onClick={() => setSettingsOpen(true)}>
            Settings
          </button>
        </div>
      </header>
      <main className="workspace">
        {loadError ? <p className="callout callout-error">{loadError}</p> : <EmptyState onOpenSettings={() => setSettingsOpen(true)} />}
      </main>
      <footer className="statusbar" aria-label="Status">
        <span>No project open</span>
        <span className="statusbar-right">{keyStatus?.hasKey ? `API key …${keyStatus.last4}` : 'No API key'}</span>
      </footer>
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </div>
  );
}
