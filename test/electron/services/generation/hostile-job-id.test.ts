/**
 * A job id is put in the poll's address (GET /jobs/{id}). One that is not a plain token ("..",
 * ".", far too long, a slash or a space in it) must never be polled: ".." and "." are removed by
 * URL normalization, so the poll would go to /v1/ or /v1/jobs/ instead of the job. A fresh 202
 * answer with such an id was paid for and its job cannot be asked about: an unknown outcome,
 * counted, never polled and never sent again. A pending job in project.json with such an id (a
 * damaged file) is given up the same way, counted once, and leaves the file.
 */
import { describe, expect, it } from 'vitest';
import { fault, type FakeGateway } from '../../../fakes/gateway/fake-gateway';
import { expectOnePaidWithoutImage, gatewayWith, generatedOnce, projectWithPendingRecord, rig, settled } from '../../main/support/app-rig';

/** Every request but the submits: polls, cancels, downloads (at whatever address they went). */
const notSubmits = (gateway: FakeGateway) => gateway.requests.filter((request) => !(request.method === 'POST' && request.path === '/v1/images/generations'));

const HOSTILE_IDS = ['..', '.', 'j'.repeat(201), '../balance', 'job 1'];

describe('a 202 answer whose job id is not a plain token', () => {
  it.each(HOSTILE_IDS)('id %j: counted as of unknown outcome, never polled, never sent again, not kept pending', async (id) => {
    const { gateway, r, root, snapshot } = await generatedOnce({ mode: 'async', latencyMs: 100 }, fault.jobId(id));
    expect(snapshot.jobs[0]).toMatchObject({ state: 'failed', paidWithoutImage: 'unknown', error: { code: 'GATEWAY_OUTCOME_UNKNOWN' } });
    expect(snapshot.spentCents).toBe(5);
    expect(gateway.posts).toBe(1);
    expect(notSubmits(gateway)).toEqual([]);
    await r.call('project:save');
    await expectOnePaidWithoutImage(root, { kind: 'unknown', images: 1, costCents: 5 });
  }, 30_000);
});

describe('a pending job in project.json whose id is not a plain token', () => {
  it.each(['..', '.', '../balance'])('id %j: given up as of unknown outcome, without a request to any address', async (id) => {
    const gateway = await gatewayWith({ mode: 'async' });
    const store: Record<string, unknown> = {};
    const { root } = await projectWithPendingRecord(gateway, store, { id, n: 2 });

    const app = rig(gateway, store);
    await app.call('project:openRecent', { path: root });
    const snapshot = await settled(app);
    expect(snapshot.jobs[0]).toMatchObject({ state: 'failed', paidWithoutImage: 'unknown', error: { code: 'GATEWAY_JOB_LOST', message: expect.stringContaining('damaged') } });
    expect(snapshot.spentCents).toBe(10);
    expect(notSubmits(gateway)).toEqual([]);
    expect(gateway.posts).toBe(0);
    await app.call('project:close');
    await expectOnePaidWithoutImage(root, { kind: 'unknown', images: 2, costCents: 10 });
  }, 30_000);
});
