/**
 * What an artist sees with no project open: the steps to a first storyboard with the next one
 * highlighted, New project / Open project, the recent list, and — when opening failed — the
 * reason in words, with "Open newest backup" for a damaged file.
 */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../state/store-context';
import { Icon } from '../../ui/Icon';
import { RecentProjects } from './RecentProjects';

function OpenErrorNotice() {
  const { openError, openBackup, dismiss, busy } = useAppStore(
    useShallow((s) => ({ openError: s.openError, openBackup: s.openBackup, dismiss: s.dismissOpenError, busy: s.projectBusy })),
  );
  if (!openError) return null;
  return (
    <div className="callout callout-error open-error" role="alert">
      <p>{openError.message}</p>
      <div className="row">
        {openError.canOpenBackup && (
          <button type="button" className="button-primary" disabled={busy} onClick={() => void openBackup()}>
            Open newest backup
          </button>
        )}
        <button type="button" className="button-ghost" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

/** A key kept for this session only is not saved: it is gone when Castboard quits, so say so. */
function keySavedWords(sessionOnly: boolean): string {
  return sessionOnly ? 'Done — your key is kept for this session only (Castboard forgets it when it quits).' : 'Done — your key is saved.';
}

export function EmptyState({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { hasKey, sessionOnly, openProject, busy, dismissOpenError, openDialog } = useAppStore(
    useShallow((s) => ({ hasKey: s.keyStatus?.hasKey ?? false, sessionOnly: s.keyStatus?.storage === 'session-only', openProject: s.openProject, busy: s.projectBusy, dismissOpenError: s.dismissOpenError, openDialog: s.openDialog })),
  );
  return (
    <div className="welcome">
      <section className="empty-state" aria-labelledby="welcome-title">
        <div className="empty-art" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
        <h1 id="welcome-title">Storyboards with a cast that stays in character</h1>
        <p className="lede">Define a character once, write your panels, and Castboard draws the same face in every shot.</p>
        <OpenErrorNotice />
        <ol className="steps">
          <li className={hasKey ? 'step step-done' : 'step step-next'}>
            <strong>Connect your AIgateway key.</strong>
            <span>{hasKey ? keySavedWords(sessionOnly) : 'Each generated image costs $0.05 on your AIgateway account.'}</span>
            {!hasKey && (
              <button type="button" className="button-primary" onClick={onOpenSettings}>
                Add API key
              </button>
            )}
          </li>
          <li className={hasKey ? 'step step-next' : 'step'}>
            <strong>Create or open a project.</strong>
            <span>A project is a folder on your disk: every take you generate is kept in it.</span>
            <span className="step-actions">
              <button
                type="button"
                className={hasKey ? 'button-primary' : undefined}
                disabled={busy}
                onClick={() => {
                  dismissOpenError();
                  openDialog({ kind: 'newProject' });
                }}
              >
                <Icon name="plus" /> New project
              </button>
              <button type="button" disabled={busy} onClick={() => void openProject()}>
                <Icon name="folder" /> Open project
              </button>
            </span>
          </li>
          <li className="step">
            <strong>Add a character and your panels, then generate.</strong>
            <span>You will see the image count and the cost before anything is charged.</span>
          </li>
        </ol>
      </section>
      <RecentProjects />
    </div>
  );
}
