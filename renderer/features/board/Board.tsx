/**
 * The panel board: the panel cards in story order as a list (role list "Panels", items
 * "Panel N" with aria-setsize / aria-posinset, so the whole count is announced even though only
 * the rows in view are rendered: see use-board-window.ts). Each card is memoized and reads narrow
 * selectors, so only the cards whose panel, selection or job changed do work. When focus moves
 * by keyboard, the focused card's row is scrolled into view and the card takes DOM focus if the
 * board had it. Thumbnails are requested for the visible rows first by construction: only
 * rendered cards mount a <TakeImage>.
 */
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { Panel } from '../../../shared/domain/project';
import { useAppStore } from '../../state/store-context';
import { Icon } from '../../ui/Icon';
import { useDriftedFilter } from '../../ui/use-drifted-filter';
import { aspectValue } from '../../../shared/domain/aspect-ratios';
import { PanelCard } from './PanelCard';
import { useBoardDrag } from './use-board-drag';
import { useBoardWindow } from './use-board-window';

const NO_PANELS: readonly Panel[] = [];

interface Shown {
  panel: Panel;
  /** Position in the story (the card shows index + 1), not in the filtered list. */
  index: number;
}

function BoardEmpty() {
  const addPanel = useAppStore((s) => s.addPanel);
  const hasCharacter = useAppStore((s) => (s.doc?.characters.length ?? 0) > 0);
  return (
    <div className="board-empty">
      <div className="board-empty-art" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <h2>Start your board</h2>
      <p>
        Each panel is one shot: write what happens, pick the framing, then generate.
        {hasCharacter ? ' Your character is ready to cast.' : ' Add a character on the left so every panel keeps the same face.'}
      </p>
      <button type="button" className="button-primary" onClick={() => addPanel()}>
        <Icon name="plus" /> Add first panel
      </button>
      <p className="hint">
        or press <kbd>N</kbd>
      </p>
    </div>
  );
}

/** The cards the board shows: every panel, or only the drifted ones while that filter is on. */
function useShownPanels(panels: readonly Panel[]): readonly Shown[] {
  const drifted = useDriftedFilter();
  return useMemo(() => {
    const all = panels.map((panel, index) => ({ panel, index }));
    return drifted ? all.filter(({ panel }) => drifted.has(panel.id)) : all;
  }, [panels, drifted]);
}

function indexOfPanel(shown: readonly Shown[], panelId: string | null): number {
  return panelId === null ? -1 : shown.findIndex(({ panel }) => panel.id === panelId);
}

function BoardGrid({ panels }: { panels: readonly Panel[] }) {
  const focusedId = useAppStore((s) => s.focusedId);
  const aspect = useAppStore((s) => aspectValue(s.doc?.aspectRatio ?? '16:9'));
  const { drop, sourceId, handlers } = useBoardDrag();
  const shown = useShownPanels(panels);
  const listRef = useRef<HTMLDivElement>(null);
  const focusedIndex = indexOfPanel(shown, focusedId);
  const sourceIndex = indexOfPanel(shown, sourceId);
  // The tab stop is the focused card, else the first: both rows stay rendered.
  const { virtualizer, columns, reveal } = useBoardWindow({ listRef, count: shown.length, aspect, pinned: [Math.max(0, focusedIndex), sourceIndex] });

  useEffect(() => {
    const list = listRef.current;
    if (!list || focusedIndex < 0) return;
    reveal(focusedIndex);
    // The focused card's row is pinned, so the card is in the DOM even before the scroll lands.
    const card = Array.from(list.querySelectorAll<HTMLElement>('[data-panel-id]')).find((element) => element.dataset.panelId === focusedId);
    const active = document.activeElement;
    if (card && (active === document.body || (active && list.contains(active)))) card.focus({ preventScroll: true });
  }, [focusedId, focusedIndex, columns, reveal]);

  const style = { height: virtualizer.getTotalSize(), '--board-columns': columns } as CSSProperties;
  return (
    <div ref={listRef} role="list" aria-label="Panels" className="board-grid" data-columns={columns} style={style}>
      {virtualizer.getVirtualItems().map((row) => (
        <div
          key={row.key}
          role="none"
          className="board-row"
          data-index={row.index}
          ref={virtualizer.measureElement}
          style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
        >
          {shown.slice(row.index * columns, (row.index + 1) * columns).map(({ panel, index }, column) => {
            const position = row.index * columns + column;
            return (
              <PanelCard
                key={panel.id}
                panel={panel}
                index={index}
                position={position + 1}
                setSize={shown.length}
                dropSide={drop?.panelId === panel.id ? drop.side : null}
                tabStop={focusedIndex >= 0 ? position === focusedIndex : position === 0}
                drag={handlers}
              />
            );
          })}
        </div>
      ))}
    </div>
  );
}

export function Board() {
  const panels = useAppStore((s) => s.doc?.panels ?? NO_PANELS);
  if (panels.length === 0) return <BoardEmpty />;
  return <BoardGrid panels={panels} />;
}
