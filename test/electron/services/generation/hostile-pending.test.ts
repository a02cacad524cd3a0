/**
 * A pendingJobs record edited by hand to ask for an absurd number of images ("n": 1000000 or
 * "lots"). Ideogram makes 1 to 4 images a request, so that is the most the job can have cost (a
 * value that is not a whole number counts as one): when the gateway no longer knows the job, the
 * money recorded is at most 4 images, the record is saved, and the job ends (the project is not
 * held busy by a record it could never write).
 */
import { describe, expect, it } from 'vitest';
import { gatewayWith, onDisk, projectWithPendingRecord, rig, settled } from '../../main/support/app-rig';

describe('a hand-edited pending job asking for an absurd number of images', () => {
  it.each([
    [1_000_000, 4],
    ['lots', 1],
  ])('n = %s: ends, counted as %i image(s), and the project closes', async (n, images) => {
    const gateway = await gatewayWith({ mode: 'async' });
    const store: Record<string, unknown> = {};
    const { root } = await projectWithPendingRecord(gateway, store, { n });

    const app = rig(gateway, store);
    await app.call('project:openRecent', { path: root });
    const snapshot = await settled(app);
    expect(snapshot.jobs[0]).toMatchObject({ state: 'failed', paidWithoutImage: 'unknown', error: { code: 'GATEWAY_JOB_LOST' } });
    expect(snapshot.spentCents).toBe(images * 5);
    expect(app.services.generation.isBusy()).toBe(false);
    await app.call('project:close');
    const after = await onDisk(root);
    expect(after.pendingJobs).toEqual([]);
    expect(after.paidWithoutImage).toEqual([expect.objectContaining({ kind: 'unknown', images, costCents: images * 5 })]);
    expect(gateway.posts).toBe(0);
  }, 30_000);
});
