/**
 * Retry of a job that was accepted before a restart, resumed on open, and then failed: it sends
 * the same kind of request with the same parameters (a restyle stays a Character Remix with its
 * prompt, image weight and source take) once the gateway has ended the old job; while the gateway
 * still holds it, Retry only asks for it again. A record that does not say what it was is never
 * sent again. Real services and channels, files on disk, the fake gateway over HTTP.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobView } from '../../../shared/domain/jobs';
import type { Project } from '../../../shared/domain/project';
import type { FakeGateway } from '../../fakes/gateway/fake-gateway';
import { fault, type Fault } from '../../fakes/gateway/fake-faults';
import { gatewayWith, onDisk, rig, settled, storyboard, tempDir } from './support/app-rig';

interface Body {
  model: string;
  prompt: string;
  n: number;
  size: string;
  image?: string;
  image_weight?: number;
  character_reference_images: string[];
}

function posts(gateway: FakeGateway) {
  return gateway.requests.filter((request) => request.method === 'POST').map((request) => ({ body: request.body as Body, key: request.idempotencyKey }));
}

/**
 * A panel with a generated take, restyled; the restyle's async job is persisted, then the app
 * stops before collecting it. `edit` changes the saved record (an older file's shape).
 */
async function restylePendingAtRestart(gateway: FakeGateway, edit: (pending: Record<string, unknown>) => void = () => {}) {
  const store: Record<string, unknown> = {};
  const first = rig(gateway, store);
  const { root, project } = await storyboard(first, await tempDir(), 1);
  const panelId = project.panels[0]?.id ?? '';
  await first.call('jobs:generate', { panelIds: [panelId], variations: 1 });
  await settled(first);
  const sourceTakeId = (await onDisk(root)).panels[0]?.activeTakeId;
  await first.call('jobs:restyle', { panelIds: [panelId], stylePrompt: 'loose ink sketch, heavy blacks', imageWeight: 35, variations: 2 });
  await expect.poll(async () => (await onDisk(root)).pendingJobs.length, { timeout: 10_000 }).toBe(1);
  first.services.generation.dispose();
  await first.services.workspace.close();

  const file = path.join(root, 'project.json');
  const saved = JSON.parse(await readFile(file, 'utf8')) as Project;
  edit(saved.pendingJobs[0] as unknown as Record<string, unknown>);
  await writeFile(file, JSON.stringify(saved));
  const [generatePost, restylePost] = posts(gateway);
  return { root, store, panelId, sourceTakeId, generatePost, restylePost };
}

/** Reopens the project in a new session with the resumed job's poll scripted to fail; returns its failed view. */
async function reopenAndFail(gateway: FakeGateway, root: string, store: Record<string, unknown>, failure: Fault) {
  gateway.script(failure);
  const second = rig(gateway, store);
  await second.call('project:openRecent', { path: root });
  const failed = (await settled(second)).jobs[0] as JobView;
  expect(failed.state).toBe('failed');
  return { second, failed };
}

describe('Retry of a job resumed after a restart', () => {
  it.each([
    ['the gateway failed the job (not charged)', fault.jobFailed('GPU fell over'), 0],
    ['the gateway forgot the job (a poll answered 404, counted as possibly paid)', fault.status(404, { on: 'poll' }), 1],
  ] as const)('restyles again with the same parameters and a new Idempotency-Key when %s', async (_case, failure, possiblyPaid) => {
    const gateway = await gatewayWith({ mode: 'async', latencyMs: 1500, jobPendingPolls: 0 });
    const { root, store, sourceTakeId, restylePost } = await restylePendingAtRestart(gateway);
    const { second, failed } = await reopenAndFail(gateway, root, store, failure);
    await second.call('jobs:retry', { jobId: failed.id });
    await settled(second);

    const all = posts(gateway);
    expect(all).toHaveLength(3); // generate, restyle, and the retried restyle: no generate
    const resent = all[2];
    expect(resent?.body).toEqual(restylePost?.body);
    expect(resent?.body).toMatchObject({ model: 'ideogram/ideogram-character-remix', image_weight: 35, n: 2 });
    // The old job is over at the gateway (failed or forgotten): the same key could only bring that back.
    expect(resent?.key).not.toBe(restylePost?.key);

    const saved = await onDisk(root);
    expect(saved.pendingJobs).toEqual([]);
    const restyled = saved.panels[0]?.takes.filter((take) => take.model === 'ideogram/ideogram-character-remix') ?? [];
    expect(restyled).toHaveLength(2);
    for (const take of restyled) expect(take.sourceTakeId).toBe(sourceTakeId);
    expect(saved.paidWithoutImage ?? []).toHaveLength(possiblyPaid);
    // What the renderer was told: a resumed restyle (its label, its Retry going to main).
    expect(failed).toMatchObject({ kind: 'restyle', resumed: true, retryable: true });
    expect(second.services.generation.snapshot().jobs[0]).toMatchObject({ state: 'done', kind: 'restyle', images: 2 });
  }, 40_000);

  it('a resumed job whose polls keep failing is still at the gateway: Retry asks for it again and sends nothing', async () => {
    const gateway = await gatewayWith({ mode: 'async', latencyMs: 1500, jobPendingPolls: 0 });
    const { root, store } = await restylePendingAtRestart(gateway, (pending) => delete pending.kind);
    gateway.script(fault.drop('poll'), fault.drop('poll'));
    const { second, failed } = await reopenAndFail(gateway, root, store, fault.drop('poll'));
    // Even a record that does not say what it was can be collected: collecting sends no request.
    expect(failed).toMatchObject({ resumed: true, retryable: true, error: { code: 'GATEWAY_JOB_KEPT' } });
    expect((await onDisk(root)).pendingJobs).toHaveLength(1);
    await second.call('jobs:retry', { jobId: failed.id });
    expect((await settled(second)).jobs[0]).toMatchObject({ state: 'done', images: 2 });
    expect(posts(gateway)).toHaveLength(2); // the generate and the restyle, nothing more
    const saved = await onDisk(root);
    expect(saved.pendingJobs).toEqual([]);
    expect(saved.panels[0]?.takes.filter((take) => take.model === 'ideogram/ideogram-character-remix')).toHaveLength(2);
  }, 40_000);

  it('restyles again from the panel\'s own images when the record predates the images being kept', async () => {
    const gateway = await gatewayWith({ mode: 'async', latencyMs: 1500, jobPendingPolls: 0 });
    const { root, store, restylePost } = await restylePendingAtRestart(gateway, (pending) => delete pending.images);
    const { second, failed } = await reopenAndFail(gateway, root, store, fault.jobFailed());
    await second.call('jobs:retry', { jobId: failed.id });
    await settled(second);
    expect(posts(gateway)[2]?.body).toEqual(restylePost?.body);
    expect(failed).toMatchObject({ kind: 'restyle', resumed: true, retryable: true });
  }, 40_000);

  it('never sends again a job whose record does not say what it was, and says it cannot', async () => {
    const gateway = await gatewayWith({ mode: 'async', latencyMs: 1500, jobPendingPolls: 0 });
    const { root, store } = await restylePendingAtRestart(gateway, (pending) => delete pending.kind);
    const { second, failed } = await reopenAndFail(gateway, root, store, fault.jobFailed());
    await expect(second.call('jobs:retry', { jobId: failed.id })).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('does not know what it asked for') });
    expect(second.services.generation.snapshot().jobs[0]).toMatchObject({ state: 'failed' });
    expect(posts(gateway)).toHaveLength(2);
    // The renderer is told the kind is unknown, so its Retry says so instead of guessing.
    expect(failed).toMatchObject({ kind: 'resume', resumed: true, retryable: false });
  }, 40_000);

  it('a Retry of a job that is no longer in the list says so and sends nothing', async () => {
    const gateway = await gatewayWith({ mode: 'async', latencyMs: 1500, jobPendingPolls: 0 });
    const { root, store } = await restylePendingAtRestart(gateway);
    const { second, failed } = await reopenAndFail(gateway, root, store, fault.jobFailed());
    await second.call('jobs:clearFinished');
    await expect(second.call('jobs:retry', { jobId: failed.id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no longer in the list') });
    expect(posts(gateway)).toHaveLength(2);
  }, 40_000);
});
