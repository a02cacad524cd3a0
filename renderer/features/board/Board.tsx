/**
 * The panel board: a list of panel cards in story order (role list, items "Panel N"). The
 * board re-renders when the panel array changes; each card is memoized, so only the cards
 * whose panel, selection or job changed do work. When focus moves by keyboard, the focused
 * card scrolls into view and takes DOM focus if the board had it.
 */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Panel } from '../../../shared/domain/project';
import { useAppStore } from '../../state/store-context';
import { Icon } from '../../ui/Icon';
import { useDriftedFilter } from '../../ui/use-drifted-filter';
import { PanelCard } from './PanelCard';
import { useBoardDrag } from './use-board-drag';

const NO_PANELS: readonly Panel[] = [];

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

export function Board() {
  const { panels, focusedId } = useAppStore(useShallow((s) => ({ panels: s.doc?.panels ?? NO_PANELS, focusedId: s.focusedId })));
  const { drop, handlers } = useBoardDrag();
  const drifted = useDriftedFilter();
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const list = listRef.current;
    if (!list || !focusedId) return;
    const card = Array.from(list.children).find((child): child is HTMLElement => child instanceof HTMLElement && child.dataset.panelId === focusedId);
    if (!card) return;
    card.scrollIntoView?.({ block: 'nearest' });
    const active = document.activeElement;
    if (active === document.body || (active && list.contains(active))) card.focus({ preventScroll: true });
  }, [focusedId, panels]);

  if (panels.length === 0) return <BoardEmpty />;
  const focusPresent = focusedId !== null && panels.some((panel) => panel.id === focusedId);
  return (
    <ul ref={listRef} role="list" aria-label="Panels" className="board-grid">
      {panels.map((panel, index) => drifted && !drifted.has(panel.id) ? null : (
        <PanelCard
          key={panel.id}
          panel={panel}
          index={index}
          dropSide={drop?.panelId === panel.id ? drop.side : null}
          tabStop={focusPresent ? panel.id === focusedId : index === 0}
          drag={handlers}
        />
      ))}
    </ul>
  );
}
