/**
 * One panel on the board: active take (256 px thumbnail by URL), number, shot, scene, dialogue
 * and generation status. Memoized and fed by narrow selectors, so typing in the inspector
 * re-renders only the card being edited, and Ctrl+A only flips each rendered card's "selected"
 * (the selection set is built once per selection, not once per card: `selectionSet`). Only the
 * cards in view exist (the board is windowed), so only they request their thumbnails.
 */
import { memo, type DragEvent, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Panel } from '../../../shared/domain/project';
import { SHOT_TYPE_LABELS } from '../../../shared/domain/project-panel-options';
import { useAppStore } from '../../state/store-context';
import { selectionSet } from '../../state/selection-slice';
import { activeTakeOf } from '../../state/takes';
import { PanelConsistencyBadge } from '../../ui/ConsistencyBadge';
import { Icon } from '../../ui/Icon';
import { PanelJobStatus } from '../../ui/PanelJobStatus';
import { TakeImage } from '../../ui/TakeImage';
import { usePanelJob } from '../../ui/use-panel-job';

export interface CardDragHandlers {
  onDragStart(panelId: string, event: DragEvent<HTMLElement>): void;
  onDragOver(panelId: string, event: DragEvent<HTMLElement>): void;
  onDrop(panelId: string, event: DragEvent<HTMLElement>): void;
  onDragEnd(): void;
}

export interface PanelCardProps {
  panel: Panel;
  /** Position in the story: the card is "Panel index + 1". */
  index: number;
  /** 1-based position among the cards the board shows, and how many it shows (for assistive tech). */
  position: number;
  setSize: number;
  dropSide: 'before' | 'after' | null;
  /** The one card reachable with Tab (roving tabindex): the focused one, else the first. */
  tabStop: boolean;
  drag: CardDragHandlers;
}

function PanelCardView({ panel, index, position, setSize, dropSide, tabStop, drag }: PanelCardProps) {
  const number = index + 1;
  const { selected, focused, image, takeCount, selectPanel } = useAppStore(
    useShallow((s) => ({
      selected: selectionSet(s.selectedIds).has(panel.id),
      focused: s.focusedId === panel.id,
      image: activeTakeOf(panel, s.takesByPanel[panel.id])?.image ?? null,
      takeCount: s.takesByPanel[panel.id]?.length ?? 0,
      selectPanel: s.selectPanel,
    })),
  );
  const job = usePanelJob(panel.id);

  const onClick = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest('button')) return;
    selectPanel(panel.id, event.shiftKey ? 'range' : event.metaKey || event.ctrlKey ? 'toggle' : 'replace');
  };

  const classes = ['panel-card', selected && 'is-selected', focused && 'is-focused', dropSide && `drop-${dropSide}`, job.phase !== 'idle' && `job-${job.phase}`];
  return (
    <div
      role="listitem"
      className={classes.filter(Boolean).join(' ')}
      aria-label={`Panel ${number}`}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-current={focused ? 'true' : undefined}
      data-panel-id={panel.id}
      data-selected={selected || undefined}
      tabIndex={tabStop ? 0 : -1}
      draggable
      onClick={onClick}
      onKeyDown={(event) => {
        if ((event.key === 'Enter' || event.key === ' ') && event.target === event.currentTarget) {
          event.preventDefault();
          selectPanel(panel.id, event.shiftKey ? 'range' : event.metaKey || event.ctrlKey ? 'toggle' : 'replace');
        }
      }}
      onDragStart={(event) => drag.onDragStart(panel.id, event)}
      onDragOver={(event) => drag.onDragOver(panel.id, event)}
      onDrop={(event) => drag.onDrop(panel.id, event)}
      onDragEnd={drag.onDragEnd}
    >
      <div className="panel-thumb">
        {image ? (
          <TakeImage image={image} size={256} alt={`Panel ${number}, take on the board`} />
        ) : (
          <div className="panel-placeholder" aria-hidden="true">
            <Icon name="image" size={22} />
            <span>No take yet</span>
          </div>
        )}
        <PanelJobStatus panelNumber={number} job={job} variant="card" />
        <PanelConsistencyBadge panel={panel} />
      </div>
      <div className="panel-meta">
        <span className="panel-number">{number}</span>
        <span className="shot-chip" title={SHOT_TYPE_LABELS[panel.shotType]}>
          {panel.shotType}
        </span>
        {takeCount > 0 && <span className="take-count">{takeCount === 1 ? '1 take' : `${takeCount} takes`}</span>}
        <span className="panel-duration">{panel.durationSeconds}s</span>
      </div>
      <p className={panel.scenePrompt ? 'panel-scene' : 'panel-scene is-empty'}>{panel.scenePrompt || 'No scene yet'}</p>
      {panel.dialogue && <p className="panel-dialogue">“{panel.dialogue}”</p>}
    </div>
  );
}

export const PanelCard = memo(PanelCardView);
