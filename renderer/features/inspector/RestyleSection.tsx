/**
 * Restyle with Ideogram Character Remix: a style preset and/or the artist's own words, and the
 * image weight (how much of the source take to keep). Applies to the selection when the panel in
 * the inspector is part of a multi-selection, else to this panel; only panels with a take can
 * be restyled. New takes are linked to the take they came from.
 */
import { useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { STYLE_PRESETS } from '../../../shared/domain/style-presets';
import type { Panel } from '../../../shared/domain/project';
import { useAppStore } from '../../state/store-context';
import { formatCents, plural } from '../../lib/format';
import { effectiveStylePrompt } from '../../state/jobs-slice';
import { liveSelection } from '../../state/selection-slice';
import { activeTakeOf } from '../../state/takes';
import { Icon } from '../../ui/Icon';
import { VariationsPicker } from './VariationsPicker';
import { DEFAULT_PRICE_PER_IMAGE_CENTS } from '../../../shared/domain/image-price';
import { paidButton } from '../../ui/paid-button';
import { AddKeyButton, useNoKey } from '../../ui/AddKeyButton';

/**
 * The panels a Restyle would apply to, in board order (joined ids keep the selector's result a
 * primitive). One pass over the board: the selector runs on every store change, and looking each
 * selected panel up in the board made Ctrl+A on 2,000 panels quadratic.
 */
function useRestyleTargets(panel: Panel): { targets: string[]; withoutTake: number } {
  const { joined, withoutTake } = useAppStore(
    useShallow((s) => {
      const selection = liveSelection(s.doc, s.selectedIds);
      const ids = new Set(selection.length > 1 && selection.includes(panel.id) ? selection : [panel.id]);
      const targets = (s.doc?.panels ?? [])
        // Ideogram Character Remix also needs the panel's own character ("No character" panels are left out).
        .filter((candidate) => ids.has(candidate.id) && candidate.characterId !== null && activeTakeOf(candidate, s.takesByPanel[candidate.id]) !== null)
        .map((candidate) => candidate.id);
      return { joined: targets.join(','), withoutTake: ids.size - targets.length };
    }),
  );
  const targets = useMemo(() => (joined === '' ? [] : joined.split(',')), [joined]);
  return { targets, withoutTake };
}

export function RestyleSection({ panel }: { panel: Panel }) {
  const { options, setOptions, restyle, price, endTyping } = useAppStore(
    useShallow((s) => ({ options: s.restyleOptions, setOptions: s.setRestyleOptions, restyle: s.restyle, price: s.settings?.pricePerImageCents ?? DEFAULT_PRICE_PER_IMAGE_CENTS, endTyping: s.endTyping })),
  );
  const { targets, withoutTake } = useRestyleTargets(panel);
  const id = useId();
  const prompt = effectiveStylePrompt(options);
  const images = targets.length * options.variations;
  const scope = targets.length > 1 ? `${targets.length} selected panels` : 'this panel';
  // Several panels are charged only after a second, explicit click, as Generate selected asks in
  // its dialog; the confirmation holds for exactly these panels and variations.
  const plan = `${targets.join(',')}|${options.variations}`;
  const [confirming, setConfirming] = useState<string | null>(null);
  const needsConfirm = targets.length > 1;
  const noKey = useNoKey();
  /** What Restyle would cost, or why it cannot start (it is disabled then). */
  const restyleHint = () => {
    if (targets.length === 0) return panel.characterId === null ? 'No character to restyle with' : 'Generate a take first';
    if (prompt === '') return 'Pick a preset or describe the style first';
    return `${scope} · ${plural(images, 'image')} · ${formatCents(images * price)}`;
  };
  const startRestyle = () => {
    setConfirming(null);
    void restyle(targets);
  };

  return (
    <div className="restyle">
      <div className="preset-grid" role="group" aria-label="Style preset">
        {STYLE_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            className={`preset preset-${preset.id}`}
            aria-pressed={options.presetId === preset.id}
            title={preset.prompt}
            onClick={() => setOptions({ presetId: options.presetId === preset.id ? null : preset.id })}
          >
            {preset.label}
          </button>
        ))}
      </div>
      <div className="field">
        <label htmlFor={`${id}-prompt`}>Style prompt</label>
        <textarea
          id={`${id}-prompt`}
          rows={2}
          maxLength={1500}
          value={options.stylePrompt}
          placeholder={options.presetId ? 'Add your own words (optional)' : 'Describe the style, e.g. teal and orange, 35mm grain'}
          onChange={(event) => setOptions({ stylePrompt: event.target.value })}
          onBlur={endTyping}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-weight`}>
          Strength <span className="muted">(image weight {options.imageWeight})</span>
        </label>
        <input
          id={`${id}-weight`}
          type="range"
          min={1}
          max={100}
          value={options.imageWeight}
          aria-valuetext={`Keep ${options.imageWeight}% of the source take`}
          onChange={(event) => setOptions({ imageWeight: Number(event.target.value) })}
        />
        <div className="range-legend" aria-hidden="true">
          <span>More new style</span>
          <span>More of the source</span>
        </div>
      </div>
      <VariationsPicker label="Variations per panel" itemLabel={(count) => `${count} restyled per panel`} value={options.variations} onChange={(variations) => setOptions({ variations })} />
      {confirming === plan && needsConfirm ? (
        <div className="restyle-confirm" role="group" aria-label="Confirm restyle">
          <p>
            Restyle {scope}: {plural(images, 'image')}, <strong>{formatCents(images * price)}</strong> will be charged to your AIgateway account.
          </p>
          <div className="generate-action">
            <button type="button" autoFocus {...paidButton(startRestyle)}>
              <Icon name="wand" /> Restyle {plural(targets.length, 'panel')}
            </button>
            <button type="button" className="button-ghost" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="generate-action">
          {noKey && targets.length > 0 && prompt !== '' ? (
            <AddKeyButton action="Restyle" />
          ) : (
            <button type="button" disabled={targets.length === 0 || prompt === ''} {...paidButton(() => (needsConfirm ? setConfirming(plan) : startRestyle()))}>
              <Icon name="wand" /> {needsConfirm ? 'Restyle…' : 'Restyle'}
            </button>
          )}
          <span className="cost-hint">
            {restyleHint()}
          </span>
        </div>
      )}
      {withoutTake > 0 && targets.length > 0 && (
        <p className="field-hint">{plural(withoutTake, 'selected panel')} without a take or a character will be left out.</p>
      )}
    </div>
  );
}
