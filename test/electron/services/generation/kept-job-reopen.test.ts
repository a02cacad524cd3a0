/**
 * A resumed job Castboard lost contact with is kept (paid, still at the gateway) and stays in the
 * queue for Collect. Closing the project and opening it again in the same session must open it
 * and collect that job, once, without a new request.
 */
import { describe, expect, it } from 'vitest';
import { fault } from '../../../fakes/gateway/fake-gateway';
import { gatewayWith, onDisk, rig, settled, storyboard, tempDir } from '../../main/support/app-rig';

describe('a kept job when its project is opened again in the same session', () => {
  it('the project opens and the job is collected once, with no new request', async () => {
    const gateway = await gatewayWith({ mode: 'async', latencyMs: 1500 });
    const store: Record<string, unknown> = {};
    const first = rig(gateway, store);
    const { root, project } = await storyboard(first, await tempDir(), 1);
    await first.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 });
    await expect.poll(async () => (await onDisk(root)).pendingJobs.length, { timeout: 10_000 }).toBe(1);
    first.services.generation.dispose();
    await first.services.workspace.close();

    const app = rig(gateway, store);
    gateway.script(fault.drop('poll'), fault.drop('poll'), fault.drop('poll'));
    await app.call('project:openRecent', { path: root });
    const kept = await settled(app);
    expect(kept.jobs[0]).toMatchObject({ state: 'failed', error: { code: 'GATEWAY_JOB_KEPT' } });
    await app.call('project:close');

    await app.call('project:openRecent', { path: root });
    await expect.poll(() => app.services.generation.snapshot().jobs.map((job) => job.state), { timeout: 20_000 }).toEqual(['done']);
    await app.call('project:save');
    const saved = await onDisk(root);
    expect(saved.panels[0]?.takes).toHaveLength(1);
    expect(saved.pendingJobs).toEqual([]);
    expect(gateway.posts).toBe(1);
  }, 40_000);
});
