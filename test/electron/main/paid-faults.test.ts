/**
 * Every paid-request fault, end to end over real HTTP (the app's services and channels, files on
 * disk, the fake gateway): for each, how many POSTs the gateway received, which takes were
 * stored, what spend is reported, and what a restart finds in the project (`castboard info`,
 * which reads the folder as any later session does).
 */
import { describe, expect, it } from 'vitest';
import { fault } from '../../fakes/gateway/fake-faults';
import type { FakeGateway } from '../../fakes/gateway/fake-gateway';
import { cli } from '../cli/cli-kit';
import { gatewayWith, onDisk, rig, settled, storyboard, tempDir, type Rig } from './support/app-rig';

const posts = (gateway: FakeGateway) => gateway.requests.filter((r) => r.method === 'POST' && r.path === '/v1/images/generations');

interface InfoSpend {
  spentCents: number;
  pendingJobs: number;
  spend: { storedImages: number; unusable: Array<{ panel: number; reason: string; images: number }>; unusableImages: number; unusableCents: number; unknownRequests: number; unknownCents: number };
}

/**
 * A restart: the project is closed (as quitting does), `castboard info --json` reads the folder
 * as any later session would, then the project is opened again (which resumes pending jobs).
 */
async function afterRestart(r: Rig, root: string): Promise<InfoSpend> {
  await r.services.workspace.close();
  const info = await cli(['info', root, '--json']);
  expect(info.code).toBe(0);
  await r.call('project:openRecent', { path: root });
  return JSON.parse(info.stdout) as InfoSpend;
}

async function oneBatch(r: Rig, count: number) {
  const { root, project } = await storyboard(r, await tempDir(), count);
  await r.call('jobs:generate', { panelIds: project.panels.map((panel) => panel.id), variations: 1 });
  return { root, project, snapshot: await settled(r) };
}

describe('paid faults over real HTTP', () => {
  it.each([
    ['a reset after the body was sent', fault.drop()],
    ['a 200 whose body is not valid JSON', fault.malformedJson()],
  ])('%s: one POST, outcome unknown counted, Retry reuses the key and settles it', async (_name, paidFault) => {
    const gateway = await gatewayWith();
    gateway.script(paidFault);
    const r = rig(gateway);
    const { root, snapshot } = await oneBatch(r, 1);
    const [job] = snapshot.jobs;
    expect(job).toMatchObject({ state: 'failed', paidWithoutImage: 'unknown', retryable: true, error: { code: 'GATEWAY_OUTCOME_UNKNOWN' } });
    expect(job?.error?.message).toContain('may have been charged');
    expect(posts(gateway)).toHaveLength(1);
    expect(snapshot.spend).toMatchObject({ storedImages: 0, unknownRequests: 1, unknownCents: 5 });
    expect(snapshot.spentCents).toBe(5);
    expect(await afterRestart(r, root)).toMatchObject({ spentCents: 5, spend: { storedImages: 0, unknownRequests: 1 } });

    await r.call('jobs:retry', { jobId: job?.id });
    const retried = await settled(r);
    expect(retried.jobs[0]).toMatchObject({ state: 'done' });
    expect(posts(gateway)).toHaveLength(2);
    expect(new Set(posts(gateway).map((p) => p.idempotencyKey)).size).toBe(1);
    expect(retried.spend).toMatchObject({ storedImages: 1, unknownRequests: 0 });
    expect(await afterRestart(r, root)).toMatchObject({ spentCents: 5, spend: { storedImages: 1, unknownRequests: 0 } });
  });

  it('a request that never answers ends at the per-request deadline as outcome unknown, never resent', async () => {
    const gateway = await gatewayWith();
    gateway.script(fault.hang());
    const r = rig(gateway);
    r.services.settings.update({ requestTimeoutSeconds: 5 });
    const { root, snapshot } = await oneBatch(r, 1);
    expect(snapshot.jobs[0]).toMatchObject({ state: 'failed', paidWithoutImage: 'unknown', error: { code: 'GATEWAY_OUTCOME_UNKNOWN' } });
    expect(posts(gateway)).toHaveLength(1);
    expect(await afterRestart(r, root)).toMatchObject({ spentCents: 5, spend: { storedImages: 0, unknownRequests: 1 } });
  }, 20_000);

  it('a 200 whose image is unusable is paid for: counted with its reason, no take, not resent', async () => {
    const gateway = await gatewayWith();
    gateway.script(fault.truncatedImage());
    const r = rig(gateway);
    const { root, snapshot } = await oneBatch(r, 2);
    expect(posts(gateway)).toHaveLength(2);
    expect(snapshot.spend).toMatchObject({ storedImages: 1, storedCents: 5, unusableImages: 1, unusableCents: 5 });
    expect(snapshot.spentCents).toBe(10);
    const info = await afterRestart(r, root);
    expect((await onDisk(root)).panels.map((panel) => panel.takes.length).sort()).toEqual([0, 1]);
    expect(info).toMatchObject({ spentCents: 10, spend: { storedImages: 1, unusableCents: 5 } });
    expect(info.spend.unusable[0]?.reason).toMatch(/image/i);
  });

  it('an unusable answer to a 4-variation request is 4 images paid for, in the session and after a restart', async () => {
    const gateway = await gatewayWith();
    gateway.script(fault.truncatedImage());
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 1);
    await r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 4 });
    const snapshot = await settled(r);
    expect(posts(gateway)).toHaveLength(1);
    expect(snapshot.spend).toMatchObject({ storedImages: 0, unusableImages: 4, unusableCents: 20 });
    const info = await afterRestart(r, root);
    expect(info).toMatchObject({ spentCents: 20, spend: { unusableImages: 4, unusableCents: 20, unusable: [{ panel: 1, images: 4, costCents: 20 }] } });
    await r.services.workspace.close();
    const text = await cli(['info', root]);
    expect(text.stdout).toContain('Spent:      $0.20: 0 images stored ($0.00), 4 images paid for but unusable ($0.20)\n');
    expect(text.stdout).toContain('4 images paid for but unusable, panel 1:');
  });

  it('an async job that fails is not charged and leaves pendingJobs; the next batch is not blocked', async () => {
    const gateway = await gatewayWith({ mode: 'async' });
    gateway.script(fault.jobFailed('GPU fell over'));
    const r = rig(gateway);
    const { root, project, snapshot } = await oneBatch(r, 1);
    expect(snapshot.jobs[0]).toMatchObject({ state: 'failed', retryable: true, error: { code: 'GATEWAY_JOB_FAILED' } });
    expect(snapshot.jobs[0]?.error?.message).toMatch(/not charged.*GPU fell over/);
    expect(snapshot.spentCents).toBe(0);
    expect(await afterRestart(r, root)).toMatchObject({ spentCents: 0, pendingJobs: 0 });
    await r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 });
    expect((await settled(r)).counts.done).toBe(1);
    expect(posts(gateway)).toHaveLength(2);
  }, 30_000);

  it.each([
    ['Retry collects it', 'retry'],
    ['the next open collects it', 'restart'],
  ] as const)('an accepted job whose polls keep failing is kept, not counted lost or sent again: %s', async (_name, how) => {
    const gateway = await gatewayWith({ mode: 'async' });
    gateway.script(...[1, 2, 3].map(() => fault.drop('poll')));
    const r = rig(gateway);
    const { root, snapshot } = await oneBatch(r, 1);
    const [job] = snapshot.jobs;
    expect(job).toMatchObject({ state: 'failed', retryable: true, error: { code: 'GATEWAY_JOB_KEPT' } });
    expect(job?.paidWithoutImage).toBeUndefined();
    expect(snapshot.spentCents).toBe(0); // counted when its image is collected, not as a loss
    expect((await onDisk(root)).pendingJobs).toHaveLength(1);

    // "Clear messages" keeps it: its Retry is how it is collected this session.
    await r.call('jobs:clearFinished');
    expect((r.services.generation.snapshot()).jobs.map((kept) => kept.id)).toEqual([job?.id]);
    if (how === 'retry') await r.call('jobs:retry', { jobId: job?.id });
    else expect(await afterRestart(r, root)).toMatchObject({ pendingJobs: 1, spentCents: 0, spend: { unknownRequests: 0 } });
    const collected = await settled(r);
    expect(collected.jobs.at(-1)).toMatchObject({ state: 'done', images: 1 });
    // Reopened: the failed entry of the session before is gone, its job collected as a resumed one.
    if (how === 'restart') expect(collected.jobs.map((view) => view.id)).toEqual([`resume-${job?.remoteJobId ?? ''}`]);
    expect(collected.spentCents).toBe(5);
    expect(posts(gateway)).toHaveLength(1);
    const saved = await onDisk(root);
    expect(saved.pendingJobs).toEqual([]);
    expect(saved.panels[0]?.takes).toHaveLength(1);
    expect(saved.paidWithoutImage ?? []).toEqual([]);
  }, 40_000);

  it("another project's jobs leave the queue when a project opens (a Retry would store their images in it); a kept job stays in its own file", async () => {
    const gateway = await gatewayWith({ mode: 'async' });
    gateway.script(...[1, 2, 3].map(() => fault.drop('poll')));
    const r = rig(gateway);
    const first = await oneBatch(r, 1);
    const [kept] = first.snapshot.jobs;
    expect(kept).toMatchObject({ state: 'failed', error: { code: 'GATEWAY_JOB_KEPT' } });

    await storyboard(r, await tempDir(), 1);
    expect(r.services.generation.snapshot().jobs).toEqual([]);
    await expect(r.call('jobs:retry', { jobId: kept?.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(posts(gateway)).toHaveLength(1);
    expect((await onDisk(first.root)).pendingJobs).toHaveLength(1);
  }, 40_000);

  it('a poll answered 404 says the gateway forgot the job (may have been charged), not "unknown model"', async () => {
    const gateway = await gatewayWith({ mode: 'async' });
    gateway.script(fault.status(404, { on: 'poll', message: 'No such job.', code: 'job_not_found' }));
    const r = rig(gateway);
    const { root, snapshot } = await oneBatch(r, 1);
    expect(snapshot.jobs[0]).toMatchObject({ state: 'failed', paidWithoutImage: 'unknown', error: { code: 'GATEWAY_JOB_LOST' } });
    expect(snapshot.jobs[0]?.error?.message).toContain('no longer knows this job; it may have been charged');
    expect(snapshot.jobs[0]?.error?.message).not.toContain('does not offer');
    expect(posts(gateway)).toHaveLength(1);
    expect(await afterRestart(r, root)).toMatchObject({ pendingJobs: 0, spentCents: 5, spend: { unknownRequests: 1 } });
  }, 30_000);

  it('a strict in-flight limit with 429 + Retry-After: every image lands, few refusals, the limit is learned', async () => {
    const gateway = await gatewayWith({ maxInFlight: 3, latencyMs: 400 });
    const r = rig(gateway);
    const { root, snapshot } = await oneBatch(r, 9);
    expect(snapshot.counts.done).toBe(9);
    expect(gateway.rejectedByInFlightLimit).toBeLessThanOrEqual(3);
    expect(posts(gateway).length).toBeLessThanOrEqual(9 + 3);
    expect(snapshot.pacing).toMatchObject({ learnedFrom: 'rate-limit' });
    expect(snapshot.pacing.inFlightLimit).toBeLessThanOrEqual(3);
    expect(snapshot.spend).toMatchObject({ storedImages: 9, storedCents: 45, unknownRequests: 0 });
    expect(await afterRestart(r, root)).toMatchObject({ spentCents: 45 });
  }, 30_000);

  it('an RPM limit with x-ratelimit headers: paced so that no request is refused', async () => {
    const gateway = await gatewayWith({ rpmLimit: { perMinute: 600, burst: 3 }, latencyMs: 50 });
    const r = rig(gateway);
    const { snapshot } = await oneBatch(r, 12);
    expect(snapshot.counts.done).toBe(12);
    expect(gateway.rejectedByRpmLimit).toBe(0);
    expect(posts(gateway)).toHaveLength(12);
    expect(snapshot.pacing).toMatchObject({ learnedFrom: 'headers', requestsPerMinute: 600 });
  }, 30_000);

  it("JSON error bodies: the gateway's own words follow our sentence, in a 4xx and in a 200", async () => {
    const gateway = await gatewayWith();
    gateway.script(fault.status(400, { message: 'prompt is longer than 2000 characters', code: 'prompt_too_long' }), fault.errorIn200('upstream capacity exhausted', 'capacity'));
    const r = rig(gateway);
    const { root, snapshot } = await oneBatch(r, 2);
    const messages = snapshot.jobs.map((job) => job.error?.message ?? '');
    expect(messages.some((m) => m.startsWith('The image service refused the request.') && m.includes('The gateway said: “prompt is longer than 2000 characters” (invalid_request_error, prompt_too_long).'))).toBe(true);
    expect(messages.some((m) => m.includes('“upstream capacity exhausted” (server_error, capacity)'))).toBe(true);
    expect(posts(gateway)).toHaveLength(2);
    expect(snapshot.spentCents).toBe(0);
    expect(await afterRestart(r, root)).toMatchObject({ spentCents: 0 });
  });
});
