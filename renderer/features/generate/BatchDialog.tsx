/**
 * "Generate missing" / "Generate selected": shows how many images and what they cost (asked of
 * main with `jobs:estimate`) before anything is spent, names panels that cannot be generated yet
 * and why, and starts only on an explicit confirm.
 */
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CostEstimate } from '../../../shared/domain/jobs';
import { useAppStore, useAppStoreApi } from '../../state/store-context';
import { messageOf } from '../../lib/errors';
import { formatCents, plural } from '../../lib/format';
import { planBatch } from '../../state/readiness';
import { Modal } from '../../ui/Modal';

function BatchBody({ mode, panelIds, onDone }: { mode: 'missing' | 'selected' | 'drifted'; panelIds: readonly string[]; onDone: () => void }) {
  const { doc, defaultVariations, estimate, generate, noKey, openDialog } = useAppStore(
    useShallow((s) => ({
      doc: s.doc,
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
  const [estimated, setEstimated] = useState<{ variations: number; cost: CostEstimate } | null>(null);
  const cost = estimated?.variations === variations ? estimated.cost : null;
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const ready = useMemo(() => plan.ready, [plan]);
  const store = useAppStoreApi();

  useEffect(() => {
    let live = true;
    if (ready.length === 0) return;
    estimate(ready, variations).then(
      (answer) => live && setEstimated({ variations, cost: answer }),
      (caught: unknown) => live && setError(messageOf(caught)),
    );
    return () => {
      live = false;
    };
  }, [estimate, ready, variations]);

  const start = async () => {
    setStarting(true);
    const ok = await generate(ready, variations);
    setStarting(false);
    if (ok) onDone();
    else setError(store.getState().jobsError ?? 'Castboard could not start the generation. Try again.');
  };

  return (
    <>
      <div className="batch-summary">
        {ready.length === 0 ? (
          <p>{mode === 'missing' ? 'Every panel already has a take. Select panels and use Generate selected to make more.' : mode === 'drifted' ? 'None of the drifted panels can be generated yet.' : 'None of the selected panels can be generated yet.'}</p>
        ) : (
          <>
            <p className="batch-count">
              {plural(ready.length, 'panel')} × {plural(variations, 'variation')} = <strong>{cost ? plural(cost.images, 'image') : '…'}</strong>
            </p>
            <p className="batch-cost" aria-live="polite">
              {cost ? (
                <>
                  <strong>{formatCents(cost.cents)}</strong> will be charged to your AIgateway account.
                </>
              ) : (
                'Working out the cost…'
              )}
            </p>
          </>
        )}
      </div>
      {ready.length > 0 && (
        <fieldset className="segmented">
          <legend>Variations per panel</legend>
          {[1, 2, 3, 4].map((count) => (
            <label key={count} className={count === variations ? 'is-on' : undefined}>
              <input type="radio" name="batch-variations" checked={count === variations} onChange={() => setVariations(count)} aria-label={`${count} per panel`} />
              <span aria-hidden="true">{count}</span>
            </label>
          ))}
        </fieldset>
      )}
      {plan.skipped.length > 0 && (
        <div className="callout callout-warning">
          <p>{plural(plan.skipped.length, 'panel')} will be left out:</p>
          <ul className="skipped-list">
            {plan.skipped.slice(0, 6).map((item) => (
              <li key={item.panelId}>
                Panel {item.number}: {item.problem}
              </li>
            ))}
            {plan.skipped.length > 6 && <li>…and {plan.skipped.length - 6} more.</li>}
          </ul>
        </div>
      )}
      {error && (
        <p className="callout callout-error" role="alert">
          {error}
        </p>
      )}
      {noKey && ready.length > 0 && <p className="callout callout-warning">Generating needs your AIgateway API key. Add it in Settings; nothing is charged until you confirm here.</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        {noKey && ready.length > 0 ? (
          <button type="button" className="button-primary" onClick={() => openDialog({ kind: 'settings' })}>
            Add API key
          </button>
        ) : (
          <button type="button" className="button-primary" disabled={!cost || starting || ready.length === 0} onClick={() => void start()}>
            {cost ? `Generate ${plural(cost.images, 'image')} (${formatCents(cost.cents)})` : 'Working out the cost…'}
          </button>
        )}
      </div>
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
