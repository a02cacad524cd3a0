/**
 * Generate for the panel in the inspector: variations (1-4), an optional locked seed, and the
 * Generate button with the number of images and their cost next to it before anything is spent.
 * Disabled, with the reason, while the panel cannot be generated (no scene, no reference image).
 */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Panel } from '../../../shared/domain/project';
import { useAppStore } from '../../app/app-context';
import { formatCents, plural } from '../../lib/format';
import { randomSeed } from '../../state/jobs-slice';
import { panelProblem } from '../../state/readiness';
import { activeTakeOf } from '../../state/takes';
import { Icon } from '../../ui/Icon';
import { VariationsPicker } from './VariationsPicker';

export function GenerateBar({ panel }: { panel: Panel }) {
  const { options, setOptions, generate, price, characters, activeSeed } = useAppStore(
    useShallow((s) => ({
      options: s.generateOptions,
      setOptions: s.setGenerateOptions,
      generate: s.generate,
      price: s.settings?.pricePerImageCents ?? 5,
      characters: s.doc?.characters,
      activeSeed: activeTakeOf(panel, s.takesByPanel[panel.id])?.seed,
    })),
  );
  const seedId = useId();
  const problem = panelProblem(panel, characters ?? []);
  const images = options.variations;

  return (
    <section className="generate-bar" aria-label="Generate panel">
      <VariationsPicker value={options.variations} onChange={(variations) => setOptions({ variations })} />
      <div className="seed-control">
        <label className="checkbox">
          <input type="checkbox" checked={options.seedLocked} onChange={(event) => setOptions({ seedLocked: event.target.checked })} />
          Lock seed
        </label>
        <input
          id={seedId}
          type="number"
          aria-label="Seed"
          min={0}
          max={2_147_483_647}
          disabled={!options.seedLocked}
          value={options.seed}
          onChange={(event) => {
            const seed = Math.trunc(Number(event.target.value));
            if (Number.isFinite(seed) && seed >= 0 && seed <= 2_147_483_647) setOptions({ seed });
          }}
        />
        <button type="button" className="button-ghost icon-button" aria-label="New random seed" title="New random seed" disabled={!options.seedLocked} onClick={() => setOptions({ seed: randomSeed() })}>
          <Icon name="retry" size={14} />
        </button>
        {activeSeed !== undefined && (
          <button type="button" className="button-ghost button-small" title={`Lock the active take's seed (${activeSeed})`} onClick={() => setOptions({ seed: activeSeed, seedLocked: true })}>
            Take's seed
          </button>
        )}
      </div>
      <div className="generate-action">
        <button type="button" className="button-primary" disabled={problem !== null} onClick={() => void generate([panel.id])}>
          <Icon name="sparkle" /> Generate
        </button>
        <span className="cost-hint">
          {plural(images, 'image')} · {formatCents(images * price)}
        </span>
      </div>
      {problem && <p className="field-hint warn">{problem}</p>}
    </section>
  );
}
