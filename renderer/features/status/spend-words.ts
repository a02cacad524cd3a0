/**
 * The status bar's words for money: what this session paid (stored, unusable, of unknown outcome)
 * and what is paid for but not here yet (async jobs the gateway accepted: being made, or kept
 * there to be collected). Only numbers the queue snapshot carries: a waiting job's cost is not
 * known until its images arrive, so it is counted in images, never given a price here.
 */
import type { Awaiting, Spend } from '../../../shared/domain/jobs';
import { formatCents, plural, withoutImageCounts } from '../../lib/format';

/** Paid for in this session, in full: what was stored, paid but unusable, of unknown outcome. */
export function spendBreakdown(spend: Spend): string {
  return [
    `Paid for since Castboard started: ${plural(spend.storedImages, 'image')} stored (${formatCents(spend.storedCents)})`,
    `${spend.unusableImages} paid but unusable (${formatCents(spend.unusableCents)})`,
    `${spend.unknownRequests} of unknown outcome, may have been charged (${formatCents(spend.unknownCents)})`,
  ].join('; ');
}

export function spentWithoutImage(unusable: number, unknown: number): string {
  const counts = withoutImageCounts(unusable, unknown);
  return counts ? ` (${counts})` : '';
}

/** " · 1 image paid, waiting to be collected", or nothing when no accepted job waits. */
export function awaitingText(awaiting: Awaiting): string {
  return awaiting.images > 0 ? ` · ${plural(awaiting.images, 'image')} paid, waiting to be collected` : '';
}

/** Why Spent does not count the waiting images yet, and how they arrive without paying twice. */
export function awaitingBreakdown(awaiting: Awaiting): string {
  if (awaiting.images === 0) return '';
  const which = `${plural(awaiting.images, 'image')} (${plural(awaiting.requests, 'request')})`;
  return (
    `Paid for and not here yet: ${which} the gateway accepted. Castboard collects them as soon as the gateway has made them; ` +
    'a job Castboard lost contact with stays in the project, and Collect on its panel (or opening the project again) asks for it without paying again. ' +
    'Spent adds their cost, as the gateway reports it, when they arrive; a job the gateway fails is not charged.'
  );
}
