/**
 * The take viewer: a panel's takes large, up to four side by side, each with the prompt and the
 * parameters it was made with, so takes can be compared before one is picked. Arrow keys step
 * through takes (the window follows), Enter or A shows the focused take on the board (an undoable
 * edit, like a click in the strip), number keys jump to a take. "On the board" is the one name the
 * app gives the take a panel shows (the code calls it the active take): the badge, the button
 * "Show on the board", the keys' help and the shortcuts list all say it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Take } from '../../../shared/domain/project';
import { useAppStore } from '../../state/store-context';
import { formatCents, formatTakeTime } from '../../lib/format';
import { Modal } from '../../ui/Modal';
import { TakeImage } from '../../ui/TakeImage';
import { parameterLabel } from './parameter-labels';

const NO_TAKES: readonly Take[] = [];
/** Shown as the prompt itself or as rows of their own (model, seed). */
const SHOWN_ELSEWHERE: ReadonlySet<string> = new Set(['model', 'prompt', 'seed']);
const WINDOW = 4;

/** What a take was made from and with, as label and value, in the words the rest of the app uses. */
function takeFacts(take: Take, takes: readonly Take[]): Array<[string, string]> {
  const facts: Array<[string, string]> = [];
  if (take.origin === 'imported') facts.push(['Source', take.fileName ? `Imported: ${take.fileName}` : 'Imported image']);
  else if (take.origin === 'sketch') facts.push(['Source', 'Drawn in Castboard']);
  else facts.push([parameterLabel('model'), take.model]);
  if (take.sourceTakeId) {
    const source = takes.findIndex((candidate) => candidate.id === take.sourceTakeId);
    facts.push(['Restyled from', source >= 0 ? `Take ${source + 1}` : 'A take no longer kept']);
  }
  if (take.seed !== undefined) facts.push([parameterLabel('seed'), String(take.seed)]);
  for (const [key, value] of Object.entries(take.params)) {
    if (!SHOWN_ELSEWHERE.has(key)) facts.push([parameterLabel(key), Array.isArray(value) ? value.join(', ') : String(value)]);
  }
  facts.push(['Cost', formatCents(take.costCents)], ['Made', formatTakeTime(take.createdAt)]);
  if (take.note) facts.push(['Note', take.note]);
  return facts;
}

function TakeTile({ take, takes, number, active, focused, fresh, onPick, onFocus }: { take: Take; takes: readonly Take[]; number: number; active: boolean; focused: boolean; fresh: boolean; onPick: () => void; onFocus: () => void }) {
  return (
    <figure className={`viewer-tile${focused ? ' is-focused' : ''}${active ? ' is-active' : ''}`} onClick={onFocus} aria-current={focused ? 'true' : undefined}>
      <div className="viewer-image">
        <TakeImage image={take.image} size={512} alt={`Take ${number}`} />
      </div>
      <figcaption>
        <div className="viewer-title">
          <strong>Take {number}</strong>
          {active && <span className="pill pill-ok">On the board</span>}
          {fresh && <span className="pill pill-new">New</span>}
          {/* The take on the board has its badge instead: a greyed button would only repeat it. */}
          {!active && (
            <button type="button" className="button-small" onClick={onPick}>
              Show on the board
            </button>
          )}
        </div>
        <p className="viewer-prompt">{take.prompt}</p>
        <dl className="prompt-params viewer-params" aria-label={`How take ${number} was made`}>
          {takeFacts(take, takes).map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </figcaption>
    </figure>
  );
}

function ViewerBody({ panelId }: { panelId: string }) {
  const { takes, activeTakeId, number, fresh, setActiveTake } = useAppStore(
    useShallow((s) => ({
      takes: s.takesByPanel[panelId] ?? NO_TAKES,
      activeTakeId: s.doc?.panels.find((panel) => panel.id === panelId)?.activeTakeId ?? null,
      number: (s.doc?.panels.findIndex((panel) => panel.id === panelId) ?? -1) + 1,
      fresh: s.freshTakeIds,
      setActiveTake: s.setActiveTake,
    })),
  );
  const [focused, setFocused] = useState(() => Math.max(0, takes.findIndex((take) => take.id === activeTakeId)));
  const grid = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // After the dialog has opened (showModal focuses its first button), give the keys to the takes,
    // without scrolling: the takes are taller than a small window, and focusing them would scroll the
    // dialog's title and close button out of sight.
    const frame = requestAnimationFrame(() => grid.current?.focus({ preventScroll: true }));
    return () => cancelAnimationFrame(frame);
  }, []);
  const start = Math.min(Math.max(0, focused - (WINDOW - 1)), Math.max(0, takes.length - WINDOW), focused);
  const shown = takes.slice(start, start + WINDOW);
  const pick = (index: number) => {
    const take = takes[index];
    if (take) setActiveTake(panelId, take.id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const digit = /^[1-9]$/.test(event.key) ? Number(event.key) - 1 : -1;
    if (step !== 0) setFocused((current) => Math.min(takes.length - 1, Math.max(0, current + step)));
    else if (digit >= 0 && digit < takes.length) setFocused(digit);
    else if (event.key === 'Enter' || event.key.toLowerCase() === 'a') pick(focused);
    else return;
    event.preventDefault();
  };
  return (
    <div ref={grid} className="viewer" role="group" aria-label={`Takes of panel ${number}: arrows step, Enter or A shows the take on the board`} tabIndex={0} onKeyDown={onKeyDown}>
      <p className="muted small viewer-help">
        Take {focused + 1} of {takes.length} · ←/→ step · Enter or A show on the board · 1-9 jump
      </p>
      <div className="viewer-grid" data-count={shown.length}>
        {shown.map((take, offset) => (
          <TakeTile
            key={take.id}
            take={take}
            takes={takes}
            number={start + offset + 1}
            active={take.id === activeTakeId}
            focused={start + offset === focused}
            fresh={fresh[take.id] === true}
            onFocus={() => setFocused(start + offset)}
            onPick={() => {
              pick(start + offset);
              // The pressed button goes (its tile now shows the badge): the keys stay with the takes.
              grid.current?.focus({ preventScroll: true });
            }}
          />
        ))}
      </div>
    </div>
  );
}

export function TakeViewer() {
  const { dialog, closeDialog } = useAppStore(useShallow((s) => ({ dialog: s.dialog, closeDialog: s.closeDialog })));
  const open = dialog?.kind === 'takes';
  return (
    <Modal open={open} title="Compare takes" onClose={closeDialog} className="dialog-viewer">
      {open && <ViewerBody panelId={dialog.panelId} />}
    </Modal>
  );
}
