/**
 * Recently opened projects, newest first; one click reopens a folder main already knows. Each
 * entry shows its title and its folder shortened in the middle (the last parts, which tell two
 * projects of the same title apart, stay visible; the full path is the tooltip and the accessible
 * description). A project that was moved or deleted stays listed, marked "Not found", with a
 * Remove button; opening it says what happened.
 */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ListedRecentProject } from '../../../shared/domain/project-status';
import { shortPaths } from '../../../shared/domain/short-path';
import { useAppStore } from '../../state/store-context';
import { formatSavedAt } from '../../lib/format';
import { Icon } from '../../ui/Icon';

function RecentEntry({ entry, shortPath }: { entry: ListedRecentProject; shortPath: string }) {
  const { openRecent, removeRecent, busy } = useAppStore(useShallow((s) => ({ openRecent: s.openRecent, removeRecent: s.removeRecent, busy: s.projectBusy })));
  const pathId = useId();
  const name = entry.title || shortPath;
  return (
    <li className={entry.missing ? 'is-missing' : undefined}>
      <button type="button" className="recent-item" disabled={busy} onClick={() => void openRecent(entry.path)} title={entry.path} aria-describedby={pathId}>
        <Icon name="folder" />
        <span className="recent-text">
          <span className="recent-title">{name}</span>
          <span className="recent-path mono" aria-hidden="true">
            {shortPath}
          </span>
          <span id={pathId} hidden>
            {entry.missing ? `Not found: moved or deleted from ${entry.path}` : entry.path}
          </span>
        </span>
        {entry.missing ? <span className="recent-missing small">Not found</span> : <span className="muted small">{formatSavedAt(entry.openedAt)}</span>}
      </button>
      {entry.missing && (
        <button type="button" className="button-small" disabled={busy} onClick={() => void removeRecent(entry.path)} aria-label={`Remove ${name} from Recent projects`} title="Remove from Recent projects">
          <Icon name="close" />
        </button>
      )}
    </li>
  );
}

export function RecentProjects() {
  const recent = useAppStore((s) => s.recent);
  const shown = shortPaths(recent.map((entry) => entry.path));
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent projects</h2>
      {recent.length === 0 ? (
        <p className="muted small">Projects you create or open appear here.</p>
      ) : (
        <ul className="recent-list">
          {recent.map((entry, index) => (
            <RecentEntry key={entry.path} entry={entry} shortPath={shown[index] ?? entry.path} />
          ))}
        </ul>
      )}
    </section>
  );
}
