/**
 * An accepted async job that the gateway reports as "expired" (or "timed_out") ended without a
 * result, but not as a failure the gateway documents as free: it may have run, so it may have been
 * charged. It is counted as of unknown outcome (like any paid request whose outcome is not known),
 * recorded in the project, and leaves pendingJobs; nothing is sent again by itself. A "failed" job
 * stays not charged.
 */
import { describe, expect, it } from 'vitest';
import { fault } from '../../../fakes/gateway/fake-gateway';
import { expectOnePaidWithoutImage, generatedOnce, onDisk } from '../../main/support/app-rig';

describe('an accepted job the gateway says ended without a result', () => {
  it.each(['expired', 'EXPIRED', 'timed_out'])('"%s": counted as of unknown outcome (5 cents), recorded, not kept pending, not sent again', async (status) => {
    const { gateway, r, root, snapshot } = await generatedOnce({ mode: 'async', latencyMs: 100 }, fault.jobStatus(status));
    expect(snapshot.jobs[0]).toMatchObject({
      state: 'failed',
      paidWithoutImage: 'unknown',
      error: { code: 'GATEWAY_JOB_LOST', message: expect.stringContaining('may have been charged') },
    });
    expect(snapshot.spend).toMatchObject({ unknownRequests: 1, unknownCents: 5 });
    expect(gateway.posts).toBe(1);
    await r.call('project:save');
    await expectOnePaidWithoutImage(root, { kind: 'unknown', images: 1, costCents: 5 });
  }, 30_000);

  it('"failed": not charged, nothing recorded as paid', async () => {
    const { r, root, snapshot } = await generatedOnce({ mode: 'async', latencyMs: 100 }, fault.jobFailed('GPU fell over'));
    expect(snapshot.jobs[0]).toMatchObject({ state: 'failed', error: { code: 'GATEWAY_JOB_FAILED' } });
    expect(snapshot.jobs[0]?.paidWithoutImage).toBeUndefined();
    expect(snapshot.spentCents).toBe(0);
    await r.call('project:save');
    expect((await onDisk(root)).paidWithoutImage ?? []).toEqual([]);
  }, 30_000);
});
