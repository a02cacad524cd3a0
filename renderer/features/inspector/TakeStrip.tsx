/**
 * The take on the board, large, and every take of the panel in the order they were made. Picking a
 * take is a document edit (undoable); takes are never removed here. Restyled takes say which
 * take they came from; takes that just arrived are marked new until picked. "Compare takes"
 * opens the take viewer. By keyboard the strip is one Tab stop: ←/→, Home and End move between
 * takes, Enter or Space picks (use-take-strip-keys).
 */
import type { Panel, Take } from '../../../shared/domain/project';
import { useShallow } from 'zustand/react/shallow';
import { formatTakeTime } from '../../lib/format';
import { useAppStore } from '../../state/store-context';
import { ConsistencyBadge } from '../../ui/ConsistencyBadge';
import { Icon } from '../../ui/Icon';
import { TakeImage } from '../../ui/TakeImage';
import { usePanelJob } from '../../ui/use-panel-job';
import { TakePrompt } from './TakePrompt';
import { useTakeStripKeys } from './use-take-strip-keys';

const NO_TAKES: readonly Take[] = [];

function describeTake(take: Take, index: number, takes: readonly Take[]): string {
  const source = take.sourceTakeId ? takes.findIndex((candidate) => candidate.id === take.sourceTakeId) : -1;
  const origin = take.sourceTakeId ? (source >= 0 ? `, restyled from take ${source + 1}` : ', restyled') : '';
  return `Take ${index + 1}${origin}`;
}

function takeTooltip(take: Take): string {
  const parts = [take.prompt.length > 160 ? `${take.prompt.slice(0, 157)}…` : take.prompt];
  if (take.seed !== undefined) parts.push(`Seed ${take.seed}`);
  parts.push(formatTakeTime(take.createdAt));
  return parts.join('\n');
}

/**
 * The tooltip is written when the pointer or focus reaches the take, not on every render: the
 * strip re-renders on each arrow step through the board and formatting dates is not free.
 */
function showTooltip(button: HTMLElement, take: Take): void {
  if (!button.title) button.title = takeTooltip(take);
}

export function TakePreview({ panel, number }: { panel: Panel; number: number }) {
  const takes = useAppStore((s) => s.takesByPanel[panel.id]) ?? NO_TAKES;
  const active = takes.find((take) => take.id === panel.activeTakeId) ?? null;
  const job = usePanelJob(panel.id);
  // What the panel waits for: its first take already on the way (also a job resumed after a
  // restart), a press of Generate, or a scene to write first.
  const next =
    job.phase === 'queued' || job.phase === 'working' ? 'Its first take is on the way.' : panel.scenePrompt.trim() ? 'Press Generate to make its first take.' : 'Write the scene, then press Generate.';
  return (
    <div className="inspector-preview">
      {active ? (
        <>
          {/* Keyed: another panel's picture never lingers while this one loads. */}
          <TakeImage key={active.image} image={active.image} size={512} alt={`Panel ${number}, take on the board`} />
          <ConsistencyBadge takeId={active.id} />
        </>
      ) : (
        <div className="panel-placeholder">
          <span>No take yet</span>
          <span className="muted">{next}</span>
        </div>
      )}
    </div>
  );
}

export function TakeStrip({ panel, number }: { panel: Panel; number: number }) {
  const takes = useAppStore((s) => s.takesByPanel[panel.id]) ?? NO_TAKES;
  const { setActiveTake, fresh, markTakesSeen, openDialog, activateNewTakes, setActivateNewTakes } = useAppStore(
    useShallow((s) => ({
      setActiveTake: s.setActiveTake,
      fresh: s.freshTakeIds,
      markTakesSeen: s.markTakesSeen,
      openDialog: s.openDialog,
      activateNewTakes: s.activateNewTakes,
      setActivateNewTakes: s.setActivateNewTakes,
    })),
  );
  const activeIndex = takes.findIndex((take) => take.id === panel.activeTakeId);
  const keys = useTakeStripKeys(
    takes.map((take) => take.id),
    panel.activeTakeId,
  );
  return (
    <>
    <section className="inspector-section" aria-label={`Takes for panel ${number}`}>
      {takes.length === 0 ? (
        <p className="muted small">Every image you generate for this panel is kept here. Pick the one to show on the board.</p>
      ) : (
        <div className="take-strip" role="toolbar" aria-label="Pick the take to show on the board" onKeyDown={keys.onKeyDown}>
          {takes.map((take, index) => {
            const isActive = take.id === panel.activeTakeId;
            const isNew = fresh[take.id] === true;
            return (
              <button
                key={take.id}
                type="button"
                data-take-id={take.id}
                tabIndex={take.id === keys.stopId ? 0 : -1}
                className={`take${isActive ? ' is-active' : ''}${isNew ? ' is-new' : ''}`}
                aria-pressed={isActive}
                aria-label={describeTake(take, index, takes)}
                aria-description={isNew ? 'New take' : undefined}
                onPointerEnter={(event) => showTooltip(event.currentTarget, take)}
                onFocus={(event) => {
                  showTooltip(event.currentTarget, take);
                  keys.reached(take.id);
                }}
                onClick={() => {
                  setActiveTake(panel.id, take.id);
                  markTakesSeen([take.id]);
                }}
              >
                <TakeImage image={take.image} size={128} alt="" />
                <span className="take-number">{index + 1}</span>
                <ConsistencyBadge takeId={take.id} compact />
                {take.sourceTakeId && (
                  <span className="take-badge" aria-hidden="true">
                    <Icon name="wand" size={11} />
                  </span>
                )}
              </button>
            );
          })}
        </div>
      )}
      {activeIndex >= 0 && <TakePrompt key={panel.activeTakeId} take={takes[activeIndex] as Take} number={activeIndex + 1} />}
    </section>
      <div className="take-actions">
        {takes.length > 0 && (
          <button type="button" className="button-small" onClick={() => openDialog({ kind: 'takes', panelId: panel.id })}>
            Compare takes
          </button>
        )}
        <label className="checkbox small" title="When on, each new take from Generate or Restyle is shown on the board at once">
          <input type="checkbox" checked={activateNewTakes} onChange={(event) => setActivateNewTakes(event.target.checked)} />
          Show new takes on the board
        </label>
      </div>
    </>
  );
}
