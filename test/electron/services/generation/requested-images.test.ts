/**
 * The generation service remembers how many images each queue job asked for, for the
 * takes-per-panel check while the job runs. A long session runs many jobs: the record of each
 * goes when the job ends (done, failed for good, cancelled), so it does not only grow.
 */
import { describe, expect, it, vi } from 'vitest';
import { fault } from '../../../fakes/gateway/fake-gateway';
import { gatewayWith, rig, settled, storyboard, tempDir } from '../../main/support/app-rig';

describe('what each job asked for', () => {
  it('is forgotten once the jobs end, whether done, refused or cancelled', async () => {
    const gateway = await gatewayWith({ latencyMs: 300 });
    const r = rig(gateway);
    r.services.settings.update({ concurrency: 1 });
    const { project } = await storyboard(r, await tempDir(), 6);
    const panelIds = project.panels.map((panel) => panel.id);
    gateway.script(fault.status(422, { message: 'refused by the safety check' }));
    await r.call('jobs:generate', { panelIds, variations: 2 });
    expect(r.services.generation.rememberedJobs()).toBe(6);
    await vi.waitFor(() => expect(gateway.posts).toBe(3), { timeout: 10_000 });
    await r.call('jobs:cancelAll', undefined);
    const ended = await settled(r);
    expect(new Set(ended.jobs.map((job) => job.state))).toEqual(new Set(['done', 'failed', 'cancelled']));
    expect(r.services.generation.rememberedJobs()).toBe(0);

    await r.call('jobs:generate', { panelIds: panelIds.slice(0, 3), variations: 1 });
    await expect.poll(() => r.services.generation.snapshot().counts.done, { timeout: 10_000 }).toBe(5);
    expect(r.services.generation.rememberedJobs()).toBe(0);
  }, 30_000);
});
