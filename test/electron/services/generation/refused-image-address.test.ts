/**
 * A finished async job whose image link is one Castboard will not download from (here a file: URL)
 * was paid for: the project records it as paid and unusable, the job leaves pendingJobs (Collect
 * would only meet the same link again), no take is added and the artist reads why.
 */
import { describe, expect, it } from 'vitest';
import { fault } from '../../../fakes/gateway/fake-gateway';
import { generatedOnce, onDisk } from '../../main/support/app-rig';

describe('a finished job linking to an address Castboard will not download from', () => {
  it('is counted as a paid, unusable image in the project, with a message that says so, and is not kept pending', async () => {
    const { r, root, snapshot } = await generatedOnce({ mode: 'async', latencyMs: 100 }, fault.imageUrl('file:///etc/hostname', 'poll'));
    expect(snapshot.jobs[0]).toMatchObject({
      state: 'failed',
      paidWithoutImage: 'unusable',
      error: { code: 'GATEWAY_BAD_IMAGE', message: expect.stringContaining('address Castboard will not download from (file:)') },
    });
    expect(snapshot.spend).toMatchObject({ unusableImages: 1, unusableCents: 5, storedImages: 0 });
    await r.call('project:save');
    const saved = await onDisk(root);
    expect(saved.pendingJobs).toEqual([]);
    expect(saved.panels[0]?.takes).toEqual([]);
    expect(saved.paidWithoutImage).toEqual([expect.objectContaining({ kind: 'unusable', images: 1, costCents: 5 })]);
  }, 30_000);
});
