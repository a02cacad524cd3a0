/**
 * A batch that costs more than the gateway balance the app last read: the artist is told before
 * confirming how many of the images the balance pays for, since the rest would stop the queue
 * "out of credits" part-way through a batch they meant to run whole. The balance is the one the
 * status bar shows (read at start, after each batch and when the gateway reports no credits);
 * an unknown balance, or one that covers the cost, shows nothing.
 */
import type { CostEstimate } from '../../../shared/domain/jobs';
import { formatCents, plural } from '../../lib/format';

/** How many of the batch's images the balance pays for, or null when it pays for all of them (or is unknown). */
export function affordableImages(balanceCents: number | null, cost: CostEstimate | null): number | null {
  if (balanceCents === null || !cost || cost.images === 0 || cost.cents <= balanceCents) return null;
  const perImage = cost.cents / cost.images;
  return Math.max(0, Math.floor(balanceCents / perImage));
}

export function BalanceShortfall({ balanceCents, cost }: { balanceCents: number | null; cost: CostEstimate | null }) {
  const affordable = affordableImages(balanceCents, cost);
  if (affordable === null || balanceCents === null || !cost) return null;
  const images = plural(cost.images, 'image');
  const balance = `Your AIgateway balance is ${formatCents(balanceCents)} (when last checked)`;
  return (
    <p className="callout callout-warning" role="alert">
      {affordable === 0
        ? `${balance}: not enough for any of these ${images}. Top up your AIgateway account first.`
        : `${balance}: it pays for ${affordable} of these ${images}; the rest would wait, paused for credits, until you top up. Top up first, or choose fewer panels or variations.`}
    </p>
  );
}
