/** Recently opened projects, newest first; one click reopens a folder main already knows. */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../state/store-context';
import { formatSavedAt } from '../../lib/format';
import { Icon } from '../../ui/Icon';

export function RecentProjects() {
  const { recent, openRecent, busy } = useAppStore(useShallow((s) => ({ recent: s.recent, openRecent: s.openRecent, busy: s.projectBusy })));
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent projects</h2>
      {recent.length === 0 ? (
        <p className="muted small">Projects you create or open appear here.</p>
      ) : (
        <ul className="recent-list">
          {recent.map((entry) => (
            <li key={entry.path}>
              <button type="button" className="recent-item" disabled={busy} onClick={() => void openRecent(entry.path)} title={entry.path}>
                <Icon name="folder" />
                <span className="recent-text">
                  <span className="recent-title">{entry.title}</span>
                  <span className="recent-path mono">{entry.path}</span>
                </span>
                <span className="muted small">{formatSavedAt(entry.openedAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
