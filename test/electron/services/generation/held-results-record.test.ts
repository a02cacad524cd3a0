/**
 * Paid images the app holds because they could not be written yet (a full disk) are counted in
 * project.json until they are stored: if Castboard is killed while holding them, the next session
 * and `castboard info` still show the money. Once written, the record gives way to the takes.
 */
import { describe, expect, it, vi } from 'vitest';
import { gatewayWith, onDisk, rig, settled, storyboard, tempDir } from '../../main/support/app-rig';

describe('paid results held for a full disk', () => {
  it('stay counted in project.json until they are written, then become takes', async () => {
    const gateway = await gatewayWith();
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 1);
    await r.call('project:save');
    const write = r.services.workspace.putVerifiedImage;
    const diskFull = vi.spyOn(r.services.workspace, 'putVerifiedImage').mockRejectedValue(new Error('ENOSPC: no space left on device'));
    await r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 2 });
    expect((await settled(r)).jobs[0]).toMatchObject({ state: 'failed', error: { code: 'RESULT_NOT_STORED' } });
    await r.call('project:save').catch(() => undefined);
    // What a session killed now leaves on disk: the request, counted as possibly paid.
    expect((await onDisk(root)).paidWithoutImage).toEqual([expect.objectContaining({ kind: 'unknown', images: 2, costCents: 10 })]);

    diskFull.mockImplementation(write);
    await r.services.generation.storeHeldResults();
    await r.call('project:save').catch(() => undefined);
    const saved = await onDisk(root);
    expect(saved.panels[0]?.takes).toHaveLength(2);
    expect(saved.paidWithoutImage ?? []).toEqual([]);
  }, 30_000);
});
