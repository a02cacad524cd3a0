/**
 * Generate for the panel in the inspector. The pinned bar is one row (the button and the number
 * of images with their cost, or why the panel cannot be generated yet) so it never takes more
 * than a sliver of the inspector; variations and the seed live in the collapsible "Generate"
 * section (GenerateOptions), where "Use this take's seed" locks the seed of the take on the board
 * (the one shown large above it), under the seed field it fills. Without an API key the button says "Add API key" and opens Settings
 * instead of leading the artist into a request that cannot be sent. A cost above the gateway
 * balance last read is shown as a warning with the balance beside it.
 */
import { useShallow } from 'zustand/react/shallow';
import { SEED_MAX } from '../../../shared/domain/ideogram-models';
import type { Panel } from '../../../shared/domain/project';
import { useAppStore } from '../../state/store-context';
import { formatCents, plural } from '../../lib/format';
import { randomSeed } from '../../state/jobs-slice';
import { panelProblem } from '../../state/readiness';
import { activeTakeOf } from '../../state/takes';
import { CheckboxField } from '../../ui/fields';
import { Icon } from '../../ui/Icon';
import { VariationsPicker } from './VariationsPicker';
import { DEFAULT_PRICE_PER_IMAGE_CENTS } from '../../../shared/domain/image-price';
import { paidButton } from '../../ui/paid-button';

export function GenerateOptions({ panel }: { panel: Panel }) {
  const { options, setOptions, activeSeed } = useAppStore(
    useShallow((s) => ({ options: s.generateOptions, setOptions: s.setGenerateOptions, activeSeed: activeTakeOf(panel, s.takesByPanel[panel.id])?.seed })),
  );
  return (
    <div className="generate-options">
      <VariationsPicker value={options.variations} onChange={(variations) => setOptions({ variations })} />
      <div className="seed-control">
        <CheckboxField label="Lock seed" checked={options.seedLocked} onChange={(seedLocked) => setOptions({ seedLocked })} />
        <input
          type="number"
          aria-label="Seed"
          min={0}
          max={SEED_MAX}
          disabled={!options.seedLocked}
          value={options.seed}
          onChange={(event) => {
            const seed = Math.trunc(Number(event.target.value));
            if (Number.isFinite(seed) && seed >= 0 && seed <= SEED_MAX) setOptions({ seed });
          }}
        />
        <button type="button" className="button-ghost icon-button" aria-label="New random seed" title="New random seed" disabled={!options.seedLocked} onClick={() => setOptions({ seed: randomSeed() })}>
          <Icon name="retry" size={14} />
        </button>
        {activeSeed !== undefined && (
          <button type="button" className="button-ghost button-small seed-from-take" title={`Lock the seed to ${activeSeed}, the seed of the take on the board`} onClick={() => setOptions({ seed: activeSeed, seedLocked: true })}>
            Use this take's seed
          </button>
        )}
      </div>
    </div>
  );
}

export function GenerateBar({ panel }: { panel: Panel }) {
  const { images, generate, price, characters, noKey, openDialog, balanceCents } = useAppStore(
    useShallow((s) => ({
      images: s.generateOptions.variations,
      balanceCents: s.balanceCents,
      generate: s.generate,
      price: s.settings?.pricePerImageCents ?? DEFAULT_PRICE_PER_IMAGE_CENTS,
      characters: s.doc?.characters,
      noKey: s.keyStatus?.hasKey === false,
      openDialog: s.openDialog,
    })),
  );
  const problem = panelProblem(panel, characters ?? []);
  const cents = images * price;
  // The balance the status bar shows (when last read): below the cost, the request would wait
  // paused for credits, so the artist is told on the bar before pressing Generate.
  const short = balanceCents !== null && cents > balanceCents;
  return (
    <section className="generate-bar" aria-label="Generate panel">
      <div className="generate-action">
        {noKey ? (
          <button type="button" className="button-primary" title="Generating needs your AIgateway API key: open Settings to add it" onClick={() => openDialog({ kind: 'settings' })}>
            <Icon name="gear" /> Add API key
          </button>
        ) : (
          <button type="button" className="button-primary" disabled={problem !== null} title={problem ?? undefined} {...paidButton(() => void generate([panel.id]))}>
            <Icon name="sparkle" /> Generate
          </button>
        )}
        {problem ? (
          <span className="cost-hint warn">{problem}</span>
        ) : (
          <span className={short ? 'cost-hint warn' : 'cost-hint'} title={short ? 'Your AIgateway balance (when last checked) does not cover this: top up your account first.' : undefined}>
            {plural(images, 'image')} · {formatCents(cents)}
            {short && ` · balance ${formatCents(balanceCents)}`}
          </span>
        )}
      </div>
    </section>
  );
}
