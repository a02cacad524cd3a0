/**
 * The sketch pad: a focused view of one panel at the project's aspect ratio. Pen (pressure where
 * the device reports it), eraser, four greys, undo/redo of strokes, clear, onion-skin of the
 * take on the board or of the previous panel, and "Draw over the take on the board" to draw on it
 * ("the take on the board" is the app's one name for the take a panel shows).
 * Every change is kept in the project's document at once (panel.sketch, so nothing drawn is lost);
 * "Use sketch" turns the strokes into a PNG take through main's image checks. No network.
 */
import { useEffect, useReducer, useRef, useState, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Panel, Sketch, SketchStroke } from '../../../shared/domain/project';
import { SKETCH_GREYS, SKETCH_SIZES } from '../../../shared/domain/sketch-format';
import { useAppStore } from '../../state/store-context';
import { plural } from '../../lib/format';
import { toBase64 } from '../../lib/read-image-file';
import { activeTakeOf } from '../../state/takes';
import { Modal } from '../../ui/Modal';
import { TakeImage } from '../../ui/TakeImage';
import { sketchReducer, startHistory } from './sketch-history';
import { sketchCanvasSize, sketchPng } from './sketch-strokes';
import { useSketchCanvas, type Pen } from './use-sketch-canvas';
import { useSketchKeys } from './use-sketch-keys';

type Onion = 'off' | 'take' | 'previous';
const GREY_NAMES = ['Black', 'Dark grey', 'Mid grey', 'Light grey'];

function useSketchTarget() {
  return useAppStore(
    useShallow((s) => {
      const panels = s.doc?.panels ?? [];
      const index = panels.findIndex((panel) => panel.id === s.sketchPanelId);
      const panel = index >= 0 ? panels[index] : undefined;
      const previous = index > 0 ? panels[index - 1] : undefined;
      return {
        panel,
        number: index + 1,
        aspectRatio: s.doc?.aspectRatio ?? '16:9',
        current: panel ? activeTakeOf(panel, s.takesByPanel[panel.id]) : null,
        previousImage: previous ? (activeTakeOf(previous, s.takesByPanel[previous.id])?.image ?? null) : null,
        takes: panel ? s.takesByPanel[panel.id] : undefined,
        close: s.closeSketch,
      };
    }),
  );
}

export function SketchPad() {
  const target = useSketchTarget();
  return (
    <Modal open={target.panel !== undefined} title={`Sketch panel ${target.number}`} onClose={target.close} className="dialog-wide sketch-dialog">
      {target.panel && <SketchBody key={target.panel.id} panel={target.panel} number={target.number} target={target} />}
    </Modal>
  );
}

function SketchBody({ panel, number, target }: { panel: Panel; number: number; target: ReturnType<typeof useSketchTarget> }) {
  const { edit, importPanelImage, error } = useAppStore(useShallow((s) => ({ edit: s.edit, importPanelImage: s.importPanelImage, error: s.panelImageError })));
  const [history, dispatch] = useReducer(sketchReducer, panel.sketch?.strokes ?? [], startHistory);
  const [baseTakeId, setBaseTakeId] = useState(panel.sketch?.baseTakeId);
  const [pen, setPen] = useState<Pen>({ tool: 'pen', grey: SKETCH_GREYS[0], size: 4 });
  const [onion, setOnion] = useState<Onion>('off');
  const [busy, setBusy] = useState(false);
  const padRef = useRef<HTMLDivElement>(null);
  const size = sketchCanvasSize(target.aspectRatio);
  const { canvasRef, handlers } = useSketchCanvas(history.present, pen, (stroke: SketchStroke) => dispatch({ type: 'add', stroke }));
  const base = baseTakeId ? target.takes?.find((take) => take.id === baseTakeId) : undefined;
  const onionImage = onion === 'take' ? target.current?.image : onion === 'previous' ? target.previousImage : null;

  // Kept in the document as it changes (one coalesced step per burst in the app's undo history).
  useEffect(() => {
    const saved = panel.sketch ?? { strokes: [] };
    if (saved.strokes.length === history.present.length && saved.strokes.every((stroke, i) => stroke === history.present[i]) && saved.baseTakeId === baseTakeId) return;
    const sketch: Sketch = { strokes: [...history.present], ...(baseTakeId ? { baseTakeId } : {}) };
    edit(`panel:${panel.id}:sketch`, (doc) => ({ ...doc, panels: doc.panels.map((p) => (p.id === panel.id ? { ...p, sketch } : p)) }));
  }, [history.present, baseTakeId]); // eslint-disable-line react-hooks/exhaustive-deps

  const keepSketch = async () => {
    setBusy(true);
    const png = await sketchPng(history.present, size, base !== undefined);
    const ok = await importPanelImage(panel.id, {
      source: 'bytes',
      origin: 'sketch',
      fileName: `panel-${number}-sketch.png`,
      base64: toBase64(new Uint8Array(await png.arrayBuffer())),
      ...(base ? { baseTakeId: base.id } : {}),
    });
    setBusy(false);
    if (ok) target.close();
  };

  useSketchKeys(padRef, (event) => {
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (mod && key === 'z') dispatch({ type: event.shiftKey ? 'redo' : 'undo' });
    else if (mod && key === 'y') dispatch({ type: 'redo' });
    else if (!mod && key === 'p') setPen({ ...pen, tool: 'pen' });
    else if (!mod && key === 'e') setPen({ ...pen, tool: 'eraser' });
    else if (!mod && ['1', '2', '3', '4'].includes(key)) setPen({ ...pen, tool: 'pen', grey: SKETCH_GREYS[Number(key) - 1] ?? pen.grey });
    else return false;
    return true;
  });

  // Clear, the last Undo or Redo, "Draw over the take on the board", "Plain paper" and Use sketch
  // (disabled while it saves, and the pad stays open when that fails) disable or remove the button
  // that was pressed, and the browser then drops focus to the page body, outside the dialog: hand it
  // to the canvas instead, so the keys and Tab carry on from inside the pad.
  useEffect(() => {
    const active = document.activeElement;
    const lost = active === null || active === document.body || (active instanceof HTMLButtonElement && active.disabled && padRef.current?.contains(active));
    if (lost) canvasRef.current?.focus();
  }, [history, baseTakeId, busy, canvasRef]);

  return (
    <div className="sketch-pad" ref={padRef}>
      <div className="sketch-tools" role="toolbar" aria-label="Sketch tools">
        <button type="button" aria-pressed={pen.tool === 'pen'} title="Pen (P)" onClick={() => setPen({ ...pen, tool: 'pen' })}>Pen</button>
        <button type="button" aria-pressed={pen.tool === 'eraser'} title="Eraser (E)" onClick={() => setPen({ ...pen, tool: 'eraser' })}>Eraser</button>
        {SKETCH_GREYS.map((grey, index) => (
          <button key={grey} type="button" className="sketch-grey" style={{ background: `rgb(${grey},${grey},${grey})` }} aria-label={`${GREY_NAMES[index] ?? 'Grey'} (${index + 1})`} aria-pressed={pen.tool === 'pen' && pen.grey === grey} onClick={() => setPen({ ...pen, tool: 'pen', grey })} />
        ))}
        <select aria-label="Pen size" value={pen.size} onChange={(event) => setPen({ ...pen, size: Number(event.target.value) })}>
          {SKETCH_SIZES.map((value) => <option key={value} value={value}>{value} px</option>)}
        </select>
        <button type="button" title="Undo stroke (Ctrl+Z)" disabled={history.past.length === 0 && history.present.length === 0} onClick={() => dispatch({ type: 'undo' })}>Undo stroke</button>
        <button type="button" title="Redo stroke (Ctrl+Shift+Z)" disabled={history.future.length === 0} onClick={() => dispatch({ type: 'redo' })}>Redo stroke</button>
        <button type="button" disabled={history.present.length === 0} onClick={() => dispatch({ type: 'clear' })}>Clear</button>
        <select aria-label="Onion skin" value={onion} onChange={(event) => setOnion(event.target.value as Onion)}>
          <option value="off">No onion skin</option>
          <option value="take" disabled={!target.current}>Onion: the take on the board</option>
          <option value="previous" disabled={!target.previousImage}>Onion: previous panel</option>
        </select>
        <button type="button" title="Draw over the take on the board: it shows under your strokes, and Use sketch keeps them on it" disabled={!target.current || target.current.id === baseTakeId} onClick={() => setBaseTakeId(target.current?.id)}>
          Draw over the take on the board
        </button>
        {base && <button type="button" title="Draw on white paper again, without the take under your strokes" onClick={() => setBaseTakeId(undefined)}>Plain paper</button>}
      </div>
      <div className="sketch-stage-area" style={{ '--sketch-ratio': size.width / size.height } as CSSProperties}>
        <div className="sketch-stage">
          {base && <TakeImage className="sketch-under" image={base.image} size={512} alt="The take this sketch is drawn over" />}
          {onionImage && <TakeImage className="sketch-under sketch-onion" image={onionImage} size={512} alt="Onion skin" />}
          <canvas ref={canvasRef} className="sketch-canvas" width={size.width} height={size.height} aria-label="Sketch canvas" tabIndex={0} data-autofocus {...handlers} />
        </div>
      </div>
      {error?.panelId === panel.id && <p className="field-error" role="alert">{error.message}</p>}
      <div className="dialog-actions">
        <span className="muted">{plural(history.present.length, 'stroke')} · kept in the project as you draw</span>
        <button type="button" className="button-primary" disabled={busy || history.present.length === 0} onClick={() => void keepSketch()}>
          {busy ? 'Saving…' : 'Use sketch'}
        </button>
      </div>
    </div>
  );
}
