/**
 * Recently deleted panels, under the board: kept in the project file, so a panel deleted with
 * paid takes can be restored after the project was closed and reopened, long after Undo has
 * moved on. Restoring is an ordinary (undoable) edit that puts the panel back with its takes.
 */
import { useShallow } from 'zustand/react/shallow';
import type { DeletedPanel } from '../../../shared/domain/project';
import { useAppStore } from '../../state/store-context';
import { plural } from '../../lib/format';
import { CollapsibleSection } from '../../ui/CollapsibleSection';

const NONE: readonly DeletedPanel[] = [];

function DeletedRow({ entry }: { entry: DeletedPanel }) {
  const { takes, restore } = useAppStore(useShallow((s) => ({ takes: s.takesByPanel[entry.panel.id]?.length ?? 0, restore: s.restoreDeletedPanel })));
  const scene = entry.panel.scenePrompt.trim() || 'No scene';
  const when = new Date(entry.deletedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <li className="deleted-row">
      <span className="panel-number">{entry.index + 1}</span>
      <span className="deleted-scene" title={scene}>
        {scene}
      </span>
      <span className="muted small deleted-meta">
        {plural(takes, 'take')} · deleted {when}
      </span>
      <button type="button" className="button-small" aria-label={`Restore panel ${entry.index + 1}: ${scene}`} onClick={() => restore(entry.panel.id)}>
        Restore
      </button>
    </li>
  );
}

export function RecentlyDeleted() {
  const entries = useAppStore((s) => s.doc?.recentlyDeleted) ?? NONE;
  if (entries.length === 0) return null;
  return (
    <div className="recently-deleted" role="region" aria-label="Recently deleted panels">
      <CollapsibleSection id="board.recentlyDeleted" title="Recently deleted" count={entries.length} defaultOpen={false}>
        <ul className="deleted-list">
          {entries.map((entry) => (
            <DeletedRow key={entry.panel.id} entry={entry} />
          ))}
        </ul>
      </CollapsibleSection>
    </div>
  );
}
