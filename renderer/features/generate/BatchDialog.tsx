/**
 * "Generate missing" / "Generate selected": shows how many images and what they cost (asked of
 * main with `jobs:estimate`) before anything is spent, names panels that cannot be generated yet
 * and why, and starts only on an explicit confirm. When no panel can be generated it says why
 * and offers only Close (no estimate is asked for, so there is no cost to wait for). When the
 * price cannot be worked out it says so and the main button asks for it again: it never waits
 * on "Working out the cost…" for an answer that will not come. A cost above the last known
 * gateway balance is pointed out before the confirm (balance-shortfall.tsx), and so is a featured
 * character whose reference image has no face the consistency check can use (reference-warnings.tsx).
 * The buttons, with what will be charged (or why nothing started) above them, sit in the modal's
 * pinned footer: however many warnings the body lists, the artist sees the price and the confirm
 * without scrolling.
 */
import { useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '../../state/store-context';
import type { DialogState } from '../../state/ui-slice';
import { formatCents, plural } from '../../lib/format';
import { planBatch, type BatchPlan } from '../../state/readiness';
import { Modal, ModalFooter } from '../../ui/Modal';
import { skippedReasons } from './skipped-summary';
import { useBatchPrice } from './use-batch-price';
import { BalanceShortfall } from './balance-shortfall';
import { ReferenceWarnings } from './reference-warnings';

type BatchMode = Extract<DialogState, { kind: 'batch' }>['mode'];

function BatchBody({ mode, panelIds, onDone }: { mode: BatchMode; panelIds: readonly string[]; onDone: () => void }) {
  const { doc, defaultVariations, estimate, generate, noKey, openDialog, balanceCents } = useAppStore(
    useShallow((s) => ({
      doc: s.doc,
      balanceCents: s.balanceCents,
      defaultVariations: s.generateOptions.variations,
      estimate: s.estimate,
      generate: s.generate,
      noKey: s.keyStatus?.hasKey === false,
      openDialog: s.openDialog,
    })),
  );
  // The plan is fixed when the dialog opens: edits behind the modal cannot change what is charged.
  const [plan] = useState(() => (doc ? planBatch(doc, panelIds) : { ready: [], skipped: [] }));
  const [variations, setVariations] = useState(defaultVariations);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const ready = useMemo(() => plan.ready, [plan]);
  const price = useBatchPrice(estimate, ready, variations);
  const { cost } = price;
  const store = useAppStoreApi();
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Asking the price again hands the keys to Cancel: the button pressed is replaced by the paying
  // one when the price comes, and a second Enter on it must not pay for what was never seen.
  const retryPrice = () => {
    cancelButton.current?.focus();
    price.retry();
  };

  const start = async () => {
    setStarting(true);
    const ok = await generate(ready, variations);
    setStarting(false);
    if (ok) onDone();
    else setError(store.getState().jobsError ?? 'Castboard could not start the generation. Try again.');
  };

  if (ready.length === 0) return <NothingToGenerate mode={mode} skipped={plan.skipped} onDone={onDone} />;
  return (
    <>
      <p className="batch-count">
        {plural(ready.length, 'panel')} × {plural(variations, 'variation')} = <strong>{cost ? plural(cost.images, 'image') : price.failure ? '?' : '…'}</strong>
      </p>
      <fieldset className="segmented">
        <legend>Variations per panel</legend>
        {[1, 2, 3, 4].map((count) => (
          <label key={count} className={count === variations ? 'is-on' : undefined}>
            <input type="radio" name="batch-variations" checked={count === variations} onChange={() => setVariations(count)} aria-label={`${count} per panel`} />
            <span aria-hidden="true">{count}</span>
          </label>
        ))}
      </fieldset>
      {plan.skipped.length > 0 && (
        <div className="callout callout-warning">
          <p>{plural(plan.skipped.length, 'panel')} will be left out:</p>
          <SkippedList skipped={plan.skipped} />
        </div>
      )}
      <ReferenceWarnings doc={doc} panelIds={ready} />
      {price.failure && (
        <p className="callout callout-error" role="alert">
          {price.failure}
        </p>
      )}
      {noKey && <p className="callout callout-warning">Generating needs your AIgateway API key. Add it in Settings; nothing is charged until you confirm here.</p>}
      <ModalFooter>
        {/* A balance short of the price is said with the price: the body may be scrolled past it. */}
        <BalanceShortfall balanceCents={balanceCents} cost={cost} />
        {/* What will be paid, or why nothing started, right above the button that pays. */}
        {error ? (
          <p className="dialog-footer-status callout callout-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="dialog-footer-status batch-cost" aria-live="polite">
            {cost ? (
              <>
                <strong>{formatCents(cost.cents)}</strong> will be charged to your AIgateway account.
              </>
            ) : price.failure ? (
              'The cost could not be worked out, so nothing has started or been charged.'
            ) : (
              'Working out the cost…'
            )}
          </p>
        )}
        <div className="dialog-actions">
          <button ref={cancelButton} type="button" onClick={onDone}>
            Cancel
          </button>
          {/* Keyed: each action is its own button, never one that turns into the paying one under focus. */}
          {noKey ? (
            <button key="add-key" type="button" className="button-primary" onClick={() => openDialog({ kind: 'settings' })}>
              Add API key
            </button>
          ) : price.failure ? (
            <button key="retry" type="button" className="button-primary" onClick={retryPrice}>
              Try again
            </button>
          ) : (
            <button key="generate" type="button" className="button-primary" disabled={!cost || starting} onClick={() => void start()}>
              {cost ? `Generate ${plural(cost.images, 'image')} (${formatCents(cost.cents)})` : 'Working out the cost…'}
            </button>
          )}
        </div>
      </ModalFooter>
    </>
  );
}

/** One line per reason, with the panels it stops. */
function SkippedList({ skipped }: { skipped: BatchPlan['skipped'] }) {
  return (
    <ul className="skipped-list">
      {skippedReasons(skipped).map((reason) => (
        <li key={reason.problem}>
          {reason.panels}: {reason.problem}
        </li>
      ))}
    </ul>
  );
}

/**
 * No panel of the batch can be generated: say why (the key is not the problem, so it is not
 * asked for) and offer only Close, never a cost button that could not be pressed.
 */
function NothingToGenerate({ mode, skipped, onDone }: { mode: BatchMode; skipped: BatchPlan['skipped']; onDone: () => void }) {
  return (
    <>
      {skipped.length > 0 ? (
        <div className="callout callout-warning">
          <p>Nothing can be generated yet:</p>
          <SkippedList skipped={skipped} />
        </div>
      ) : (
        <p className="batch-summary">
          {mode === 'missing' ? 'Every panel already has a take or is being generated. Select panels and use Generate selected to make more.' : 'There are no panels to generate.'}
        </p>
      )}
      <ModalFooter>
        <div className="dialog-actions">
          <button type="button" onClick={onDone}>
            Close
          </button>
        </div>
      </ModalFooter>
    </>
  );
}

const BATCH_TITLES = { missing: 'Generate missing panels', selected: 'Generate selected panels', drifted: 'Regenerate drifted panels' } as const;

export function BatchDialog() {
  const { dialog, closeDialog } = useAppStore(useShallow((s) => ({ dialog: s.dialog, closeDialog: s.closeDialog })));
  const open = dialog?.kind === 'batch';
  const title = !open ? '' : BATCH_TITLES[dialog.mode];
  return (
    <Modal open={open} title={title} onClose={closeDialog} className="dialog-narrow">
      {open && <BatchBody key={dialog.panelIds.join(',')} mode={dialog.mode} panelIds={dialog.panelIds} onDone={closeDialog} />}
    </Modal>
  );
}
