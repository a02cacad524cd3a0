/**
 * An async job the gateway accepted is paid for. When the save that records its id fails (disk
 * full), it is still polled and its image kept: abandoning it would lose the image and a Retry
 * would pay for the same panel again.
 */
import { describe, expect, it, vi } from 'vitest';
import { gatewayWith, onDisk, rig, settled, storyboard, tempDir } from '../../main/support/app-rig';

describe('an accepted job whose record cannot be saved', () => {
  it('is polled anyway: its image is stored, one request in all, counted once, nothing left pending', async () => {
    const gateway = await gatewayWith({ mode: 'async', latencyMs: 300 });
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 1);
    await r.call('project:save');
    const save = r.services.workspace.save;
    // The first save after the submit is the one recording the accepted job id.
    const diskFull = vi.spyOn(r.services.workspace, 'save').mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    await r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 });
    const snapshot = await settled(r);
    expect(diskFull).toHaveBeenCalled();
    diskFull.mockImplementation(save);

    expect(snapshot.jobs).toHaveLength(1);
    expect(snapshot.jobs[0]).toMatchObject({ state: 'done', images: 1 });
    expect(snapshot.spentCents).toBe(5);
    const posts = gateway.requests.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(1);
    await r.call('project:save');
    const saved = await onDisk(root);
    expect(saved.panels[0]?.takes).toHaveLength(1);
    expect(saved.pendingJobs).toEqual([]);
  }, 30_000);
});
