/**
 * The active take, large, and every take of the panel in the order they were made. Picking a
 * take is a document edit (undoable); takes are never removed here. Restyled takes say which
 * take they came from.
 */
import type { Panel, Take } from '../../../shared/domain/project';
import { useAppStore } from '../../app/app-context';
import { Icon } from '../../ui/Icon';
import { TakeImage } from '../../ui/TakeImage';

const NO_TAKES: readonly Take[] = [];

function describeTake(take: Take, index: number, takes: readonly Take[]): string {
  const source = take.sourceTakeId ? takes.findIndex((candidate) => candidate.id === take.sourceTakeId) : -1;
  const origin = take.sourceTakeId ? (source >= 0 ? `, restyled from take ${source + 1}` : ', restyled') : '';
  return `Take ${index + 1}${origin}`;
}

function takeTooltip(take: Take): string {
  const parts = [take.prompt.length > 160 ? `${take.prompt.slice(0, 157)}…` : take.prompt];
  if (take.seed !== undefined) parts.push(`Seed ${take.seed}`);
  parts.push(new Date(take.createdAt).toLocaleString());
  return parts.join('\n');
}

export function TakePreview({ panel, number }: { panel: Panel; number: number }) {
  const takes = useAppStore((s) => s.takesByPanel[panel.id]) ?? NO_TAKES;
  const active = takes.find((take) => take.id === panel.activeTakeId) ?? null;
  return (
    <div className="inspector-preview">
      {active ? (
        <TakeImage image={active.image} size={512} alt={`Panel ${number}, active take`} />
      ) : (
        <div className="panel-placeholder">
          <span>No take yet</span>
          <span className="muted">Write the scene, then press Generate.</span>
        </div>
      )}
    </div>
  );
}

export function TakeStrip({ panel, number }: { panel: Panel; number: number }) {
  const takes = useAppStore((s) => s.takesByPanel[panel.id]) ?? NO_TAKES;
  const setActiveTake = useAppStore((s) => s.setActiveTake);
  return (
    <section className="inspector-section" aria-label={`Takes for panel ${number}`}>
      {takes.length === 0 ? (
        <p className="muted small">Every image you generate for this panel is kept here. Pick the one the board shows.</p>
      ) : (
        <div className="take-strip">
          {takes.map((take, index) => {
            const isActive = take.id === panel.activeTakeId;
            return (
              <button
                key={take.id}
                type="button"
                className={isActive ? 'take is-active' : 'take'}
                aria-pressed={isActive}
                aria-label={describeTake(take, index, takes)}
                title={takeTooltip(take)}
                onClick={() => setActiveTake(panel.id, take.id)}
              >
                <TakeImage image={take.image} size={128} alt="" />
                <span className="take-number">{index + 1}</span>
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
    </section>
  );
}
