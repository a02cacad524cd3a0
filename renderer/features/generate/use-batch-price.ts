/**
 * The price of a batch, asked of main (`jobs:estimate`) for the panels and variations shown. An
 * answer counts only for the request it answers: changing the variations, or asking again after a
 * failure, shows "working it out" until the new answer comes, never an older price. A failed ask
 * is reported with `retry`, so the dialog is never left waiting on an answer that will not come.
 */
import { useEffect, useState } from 'react';
import type { CostEstimate } from '../../../shared/domain/jobs';
import { messageOf } from '../../lib/errors';

type Estimate = (panelIds: readonly string[], variations: number) => Promise<CostEstimate>;

/** Which ask an answer belongs to. */
interface Ask {
  variations: number;
  attempt: number;
}

type Answer = Ask & ({ cost: CostEstimate } | { failure: string });

export interface BatchPrice {
  /** The price of the batch as shown, or null while it is asked for or when the ask failed. */
  cost: CostEstimate | null;
  /** Why the price could not be worked out (in words), or null. */
  failure: string | null;
  /** Asks for the price again (after a failure). */
  retry(): void;
}

export function useBatchPrice(estimate: Estimate, panelIds: readonly string[], variations: number): BatchPrice {
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    let live = true;
    if (panelIds.length === 0) return;
    estimate(panelIds, variations).then(
      (cost) => live && setAnswer({ variations, attempt, cost }),
      (caught: unknown) => live && setAnswer({ variations, attempt, failure: messageOf(caught) }),
    );
    return () => {
      live = false;
    };
  }, [estimate, panelIds, variations, attempt]);

  const current = answer?.variations === variations && answer.attempt === attempt ? answer : null;
  return {
    cost: current && 'cost' in current ? current.cost : null,
    failure: current && 'failure' in current ? current.failure : null,
    retry: () => setAttempt((count) => count + 1),
  };
}
