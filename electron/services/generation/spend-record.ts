/**
 * The project's record of money paid without an image (project.json `paidWithoutImage`): paid
 * answers whose images were unusable, and requests whose outcome is unknown. Written at once so a
 * restart, the CLI and `castboard info` all report what was paid, not only what was stored.
 * Invariant: an "unknown" record is removed when an answer for the same Idempotency-Key is stored,
 * and replaced when that answer is unusable (one charge, counted once, as the session's ledger does).
 */
import type { PaidWithoutImage } from '../../../shared/domain/project';
import { PROJECT_LIMITS } from '../../../shared/domain/project-document';
import type { PaidWithoutImageEvent } from '../gateway/queue-types';
import type { ProjectWorkspace } from '../workspace/project-workspace';

type Workspace = Pick<ProjectWorkspace, 'current' | 'setPaidWithoutImage' | 'save'>;

const isUnknownFor = (record: PaidWithoutImage, idempotencyKey: string): boolean => record.kind === 'unknown' && record.idempotencyKey === idempotencyKey;

export function createSpendRecord(workspace: Workspace, now: () => Date) {
  /** Changes the records and saves; the returned promise settles when that save has ended (never rejects). */
  function change(edit: (records: PaidWithoutImage[]) => PaidWithoutImage[]): Promise<void> {
    if (!workspace.current()) return Promise.resolve();
    let changed = false;
    workspace.setPaidWithoutImage((before) => {
      const after = edit(before);
      changed = after !== before;
      return changed ? after.slice(-PROJECT_LIMITS.maxPaidWithoutImage) : before;
    });
    if (!changed) return Promise.resolve();
    // Autosave retries; the project status shows a failed save.
    return workspace.save().then(
      () => undefined,
      () => undefined,
    );
  }

  return {
    add(panelId: string, event: PaidWithoutImageEvent): Promise<void> {
      const record: PaidWithoutImage = {
        at: now().toISOString(),
        panelId,
        kind: event.kind,
        reason: event.reason.slice(0, 500),
        costCents: event.costCents,
        images: event.images,
        idempotencyKey: event.idempotencyKey,
      };
      return change((records) => {
        const unknownBefore = records.find((r) => isUnknownFor(r, event.idempotencyKey));
        // The same unknown request told twice (recorded when sent, then timed out or stopped) is
        // one record, with the latest reason.
        if (event.kind === 'unknown') {
          if (!unknownBefore) return [...records, record];
          return unknownBefore.reason === record.reason ? records : records.map((r) => (r === unknownBefore ? { ...r, reason: record.reason } : r));
        }
        // An unusable answer to a Retry with the same key is that unknown charge, now known.
        return [...(unknownBefore ? records.filter((r) => !isUnknownFor(r, event.idempotencyKey)) : records), record];
      });
    },
    settle(idempotencyKey: string): void {
      void change((records) => (records.some((r) => isUnknownFor(r, idempotencyKey)) ? records.filter((r) => !isUnknownFor(r, idempotencyKey)) : records));
    },
  };
}

/** Spend of a project: stored takes plus what was paid without an image. */
export function projectSpend(project: { panels: Array<{ takes: Array<{ costCents: number }> }>; paidWithoutImage?: PaidWithoutImage[] }) {
  const stored = project.panels.flatMap((panel) => panel.takes);
  const records = project.paidWithoutImage ?? [];
  const sum = (list: Array<{ costCents: number }>) => list.reduce((total, item) => total + item.costCents, 0);
  // A record without `images` (older files) stands for one image.
  const unusable = records.filter((r) => r.kind === 'unusable').map((r) => ({ panelId: r.panelId, reason: r.reason, images: r.images ?? 1, costCents: r.costCents }));
  const unknown = records.filter((r) => r.kind === 'unknown');
  const storedCents = sum(stored);
  return {
    storedImages: stored.length,
    storedCents,
    unusable,
    unusableImages: unusable.reduce((total, item) => total + item.images, 0),
    unusableCents: sum(unusable),
    unknownRequests: unknown.length,
    unknownCents: sum(unknown),
    totalCents: storedCents + sum(records),
  };
}
