/**
 * A gateway's X-Cost-Cents header above what the project can record for one request (a gateway
 * bug, another unit) must never hold a paid image out of the project or leave its job unfinished:
 * the price setting is used instead, and the take or the paid-without-image record is saved.
 */
import { describe, expect, it } from 'vitest';
import { fault } from '../../../fakes/gateway/fake-gateway';
import { gatewayWith, onDisk, rig, settled, storyboard, tempDir } from '../../main/support/app-rig';

describe('an implausible X-Cost-Cents header', () => {
  it('a good image is stored and counted at the price setting, and the project can close', async () => {
    const gateway = await gatewayWith({ costCents: 2_000_000 });
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 1);
    await r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 });
    const snapshot = await settled(r);
    expect(snapshot.jobs[0]).toMatchObject({ state: 'done', images: 1, costCents: 5 });
    expect(snapshot.spentCents).toBe(5);
    expect(r.services.generation.isBusy()).toBe(false);
    const saved = await onDisk(root);
    expect(saved.panels[0]?.takes).toHaveLength(1);
    expect(saved.panels[0]?.takes[0]?.costCents).toBe(5);
  }, 30_000);

  it('an unusable paid answer ends its job and is recorded in the project', async () => {
    const gateway = await gatewayWith({ costCents: 2_000_000 });
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 1);
    gateway.script(fault.nonImage());
    await r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 });
    const snapshot = await settled(r);
    expect(snapshot.jobs[0]).toMatchObject({ state: 'failed', paidWithoutImage: 'unusable', error: { code: 'GATEWAY_BAD_IMAGE' } });
    expect(snapshot.spentCents).toBe(5);
    expect(r.services.generation.isBusy()).toBe(false);
    await r.call('project:save');
    expect((await onDisk(root)).paidWithoutImage).toEqual([expect.objectContaining({ kind: 'unusable', costCents: 5, images: 1 })]);
  }, 30_000);
});
