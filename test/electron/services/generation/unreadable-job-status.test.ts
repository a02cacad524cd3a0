/**
 * A poll of an accepted (paid) async job whose answer Castboard cannot read (a status word it
 * does not know, a finished job without an image) says nothing about the job: it is polled again,
 * and when such answers go on the job is kept to be collected, never dropped and never sent again.
 */
import { describe, expect, it } from 'vitest';
import { fault } from '../../../fakes/gateway/fake-gateway';
import { gatewayWith, onDisk, rig, settled, storyboard, tempDir } from '../../main/support/app-rig';

const posts = (gateway: Awaited<ReturnType<typeof gatewayWith>>) => gateway.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/images/generations'));

describe('an accepted job answered with a status Castboard does not know', () => {
  it('is polled again and its image stored: one request, counted once', async () => {
    const gateway = await gatewayWith({ mode: 'async', latencyMs: 300 });
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 1);
    gateway.script(fault.jobStatus('in_queue'));
    await r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 });
    const snapshot = await settled(r);
    expect(snapshot.jobs[0]).toMatchObject({ state: 'done', images: 1 });
    expect(snapshot.spentCents).toBe(5);
    expect(posts(gateway)).toHaveLength(1);
    const saved = await onDisk(root);
    expect(saved.panels[0]?.takes).toHaveLength(1);
    expect(saved.pendingJobs).toEqual([]);
  }, 30_000);

  it('when such answers go on, the job stays pending in the project and Collect fetches it without a new request', async () => {
    const gateway = await gatewayWith({ mode: 'async', latencyMs: 300 });
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 1);
    gateway.script(fault.jobStatus('in_queue'), fault.jobStatus('in_queue'), fault.jobStatus('in_queue'));
    await r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 });
    const failed = await settled(r);
    expect(failed.jobs[0]).toMatchObject({ state: 'failed', retryable: true, error: { code: 'GATEWAY_JOB_KEPT' } });
    await r.call('project:save');
    expect((await onDisk(root)).pendingJobs).toHaveLength(1);

    await r.call('jobs:retry', { jobId: failed.jobs[0]?.id });
    await expect.poll(() => r.services.generation.snapshot().jobs[0]?.state, { timeout: 20_000 }).toBe('done');
    expect(posts(gateway)).toHaveLength(1);
    expect(r.services.generation.snapshot().spentCents).toBe(5);
    const saved = await onDisk(root);
    expect(saved.panels[0]?.takes).toHaveLength(1);
    expect(saved.pendingJobs).toEqual([]);
  }, 60_000);
});

describe('an accepted job whose poll gets an unexpected client error (400, 422...)', () => {
  it.each([400, 422])('%i once: polled again, stored, one request; three in a row: kept for Collect, nothing sent again', async (status) => {
    const gateway = await gatewayWith({ mode: 'async', latencyMs: 300 });
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 2);
    const [one, two] = project.panels.map((panel) => panel.id);
    gateway.script(fault.status(status, { on: 'poll' }));
    await r.call('jobs:generate', { panelIds: [one], variations: 1 });
    expect((await settled(r)).jobs[0]).toMatchObject({ state: 'done', images: 1 });

    gateway.script(...Array.from({ length: 3 }, () => fault.status(status, { on: 'poll' })));
    await r.call('jobs:generate', { panelIds: [two], variations: 1 });
    const kept = (await settled(r)).jobs.find((job) => job.panelId === two);
    expect(kept).toMatchObject({ state: 'failed', retryable: true, error: { code: 'GATEWAY_JOB_KEPT' } });
    await r.call('project:save');
    expect((await onDisk(root)).pendingJobs).toHaveLength(1);
    await r.call('jobs:retry', { jobId: kept?.id });
    await expect.poll(() => r.services.generation.snapshot().jobs.find((job) => job.panelId === two)?.state, { timeout: 20_000 }).toBe('done');
    expect(posts(gateway)).toHaveLength(2);
    expect(r.services.generation.snapshot().spentCents).toBe(10);
  }, 60_000);
});

describe('an accepted job whose image download gets an unexpected client error', () => {
  it('is kept for Collect (the image is still at the gateway), not counted as an unusable image', async () => {
    const gateway = await gatewayWith({ mode: 'async', latencyMs: 300 });
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 1);
    gateway.script(fault.status(400, { on: 'download' }));
    await r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 });
    const failed = await settled(r);
    expect(failed.jobs[0]).toMatchObject({ state: 'failed', retryable: true, error: { code: 'GATEWAY_JOB_KEPT' } });
    expect(failed.jobs[0]?.paidWithoutImage).toBeUndefined();
    await r.call('project:save');
    expect((await onDisk(root)).pendingJobs).toHaveLength(1);

    await r.call('jobs:retry', { jobId: failed.jobs[0]?.id });
    await expect.poll(() => r.services.generation.snapshot().jobs[0]?.state, { timeout: 20_000 }).toBe('done');
    expect(posts(gateway)).toHaveLength(1);
    expect(r.services.generation.snapshot().spentCents).toBe(5);
    const saved = await onDisk(root);
    expect(saved.panels[0]?.takes).toHaveLength(1);
    expect(saved.paidWithoutImage ?? []).toEqual([]);
  }, 40_000);
});
