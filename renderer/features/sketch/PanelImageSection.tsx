/**
 * The inspector's "Sketch & image" section: draw a sketch, bring in an image file (or drop/paste
 * one anywhere on the panel), and "Render with character" from the panel's own sketch or
 * imported image with Character Remix, following the drawing loosely, balanced or closely, the
 * cost shown before anything is sent. A panel without a character can hold sketches and images;
 * rendering needs one, and the section says so.
 */
import { useShallow } from 'zustand/react/shallow';
import type { Panel } from '../../../shared/domain/project';
import { panelProblem } from '../../../shared/generation/request-plan';
import { RENDER_FOLLOW, RENDER_FOLLOW_LABELS, RENDER_IMAGE_WEIGHTS } from '../../../shared/generation/render-plan';
import { useAppStore } from '../../state/store-context';
import { formatCents } from '../../lib/format';
import { activeTakeOf } from '../../state/takes';
import { paidButton } from '../../ui/paid-button';
import { AddKeyButton, useNoKey } from '../../ui/AddKeyButton';

function renderBlocker(panel: Panel, problem: string | null, origin: string | undefined, hasDrawn: boolean): string | null {
  if (origin === undefined && hasDrawn) return 'Rendering starts from the image the panel shows: pick its sketch or imported take under Takes to render from it again.';
  if (origin === undefined) return 'Draw a sketch or bring in an image first: rendering starts from the panel’s own drawing.';
  if (panel.characterId === null) return 'Rendering needs a character: choose one for this panel under Panel. The sketch is kept and exported as it is.';
  return problem;
}

export function PanelImageSection({ panel }: { panel: Panel }) {
  const s = useAppStore(
    useShallow((state) => ({
      origin: activeTakeOf(panel, state.takesByPanel[panel.id])?.origin,
      hasDrawn: (state.takesByPanel[panel.id] ?? []).some((take) => take.origin !== undefined),
      problem: panelProblem(panel, state.doc?.characters ?? []),
      price: state.settings?.pricePerImageCents ?? 5,
      follow: state.renderFollow,
      error: state.panelImageError?.panelId === panel.id ? state.panelImageError.message : null,
      openSketch: state.openSketch,
      importPanelImage: state.importPanelImage,
      setFollow: state.setRenderFollow,
      renderPanel: state.renderPanel,
    })),
  );
  const blocker = renderBlocker(panel, s.problem, s.origin, s.hasDrawn);
  const noKey = useNoKey();
  return (
    <div className="panel-image-section">
      <div className="button-row">
        <button type="button" className="button-small" onClick={() => s.openSketch(panel.id)}>
          {panel.sketch?.strokes.length ? 'Edit sketch' : 'Sketch'}
        </button>
        <button type="button" className="button-small" onClick={() => void s.importPanelImage(panel.id, { source: 'dialog' })}>
          Choose image…
        </button>
      </div>
      <p className="field-hint">Or drop an image file on the panel, or paste one (Ctrl+V).</p>
      {s.error && <p className="field-error" role="alert">{s.error}</p>}
      <fieldset className="render-follow">
        <legend>Follow the drawing</legend>
        {RENDER_FOLLOW.map((follow) => (
          <label key={follow} title={`Image weight ${RENDER_IMAGE_WEIGHTS[follow]}`}>
            <input type="radio" name={`follow-${panel.id}`} checked={s.follow === follow} onChange={() => s.setFollow(follow)} />
            {RENDER_FOLLOW_LABELS[follow]}
          </label>
        ))}
      </fieldset>
      <div className="generate-action">
        {noKey && blocker === null ? (
          <AddKeyButton action="Render" />
        ) : (
          <button type="button" disabled={blocker !== null} {...paidButton(() => void s.renderPanel(panel.id, RENDER_IMAGE_WEIGHTS[s.follow]))}>
            Render with character
          </button>
        )}
        <span className="cost-hint">{blocker ?? `1 image · ${formatCents(s.price)} · image weight ${RENDER_IMAGE_WEIGHTS[s.follow]}`}</span>
      </div>
    </div>
  );
}
