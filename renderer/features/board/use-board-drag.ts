/**
 * Reorder by drag and drop (native HTML5 drag events, no library): dragging a selected card
 * moves the whole selection, in board order; the drop lands before or after the card under the
 * pointer depending on which half it is over. One undo step per drop. The board keeps the
 * dragged card's row rendered (`sourceId`) while the board scrolls, so its dragend always arrives.
 */
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { useAppStoreApi } from '../../state/store-context';
import { liveSelection } from '../../state/selection-slice';
import type { CardDragHandlers } from './PanelCard';

const DRAG_TYPE = 'application/x-castboard-panels';

export interface DropTarget {
  panelId: string;
  side: 'before' | 'after';
}

export interface BoardDrag {
  drop: DropTarget | null;
  /** The card the drag started on, while a drag is on. */
  sourceId: string | null;
  handlers: CardDragHandlers;
}

export function useBoardDrag(): BoardDrag {
  const [drop, setDrop] = useState<DropTarget | null>(null);
  const [sourceId, setSourceId] = useState<string | null>(null);
  const dragging = useRef<string[] | null>(null);
  const store = useAppStoreApi();

  const sideOf = (event: DragEvent<HTMLElement>): DropTarget['side'] => {
    const rect = event.currentTarget.getBoundingClientRect();
    return event.clientX < rect.left + rect.width / 2 ? 'before' : 'after';
  };

  const onDragStart = useCallback((panelId: string, event: DragEvent<HTMLElement>) => {
    const state = store.getState();
    const selection = liveSelection(state.doc, state.selectedIds);
    const ids = selection.includes(panelId) ? selection : [panelId];
    if (!selection.includes(panelId)) state.selectPanel(panelId);
    dragging.current = ids;
    setSourceId(panelId);
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData(DRAG_TYPE, ids.join(','));
  }, [store]);

  const onDragOver = useCallback((panelId: string, event: DragEvent<HTMLElement>) => {
    if (!dragging.current) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const side = sideOf(event);
    setDrop((current) => (current?.panelId === panelId && current.side === side ? current : { panelId, side }));
  }, []);

  const onDrop = useCallback((panelId: string, event: DragEvent<HTMLElement>) => {
    const ids = dragging.current;
    dragging.current = null;
    setDrop(null);
    setSourceId(null);
    if (!ids) return;
    event.preventDefault();
    const state = store.getState();
    const panels = state.doc?.panels ?? [];
    const moving = new Set(ids);
    let beforeId: string | null = panelId;
    if (sideOf(event) === 'after') {
      const index = panels.findIndex((panel) => panel.id === panelId);
      beforeId = panels.slice(index + 1).find((panel) => !moving.has(panel.id))?.id ?? null;
    }
    state.movePanelsBefore(ids, beforeId);
  }, [store]);

  const onDragEnd = useCallback(() => {
    dragging.current = null;
    setDrop(null);
    setSourceId(null);
  }, []);

  const handlers = useMemo(() => ({ onDragStart, onDragOver, onDrop, onDragEnd }), [onDragStart, onDragOver, onDrop, onDragEnd]);
  return { drop, sourceId, handlers };
}
