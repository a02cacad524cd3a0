/**
 * The generation queue over a real client and the fake gateway: concurrency, pauses (429 until
 * Retry-After on a virtual clock, 401/402 until resume()), retries, cancellation, progress, cost,
 * and the rule that a failed job never reaches the store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGenerationQueue, type GenerationQueue, type GenerationQueueOptions } from '../../../../electron/services/gateway/generation-queue';
import type { GenerationResult } from '../../../../electron/services/gateway/gateway-types';
import type { JobState, QueueJob, QueueSnapshot, ResultContext } from '../../../../electron/services/gateway/queue-types';
import { fault } from '../../../fakes/gateway/fake-gateway';
import { generateInput, imageRequests, restyleInput, startKit, type Kit } from './test-kit';

let kit: Kit | undefined;
let queue: GenerationQueue | undefined;
afterEach(async () => {
  queue?.dispose();
  await kit?.close();
  kit = undefined;
  queue = undefined;
});

interface Harness {
  queue: GenerationQueue;
  stored: Array<{ job: QueueJob; result: GenerationResult; context: ResultContext }>;
  snapshots: QueueSnapshot[];
  latest(): QueueSnapshot;
}

function makeQueue(k: Kit, options: Partial<GenerationQueueOptions> = {}): Harness {
  const stored: Harness['stored'] = [];
  const snapshots: QueueSnapshot[] = [];
  queue = createGenerationQueue({
    client: k.client,
    now: k.clock.now,
    sleep: k.clock.sleep,
    onResult: (job, result, context) => {
      stored.push({ job, result, context });
    },
    onProgress: (s) => snapshots.push(s),
    ...options,
  });
  return { queue, stored, snapshots, latest: () => queue!.snapshot() };
}

async function jobs(count: number, prefix = 'job'): Promise<QueueJob[]> {
  const input = await generateInput();
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i + 1}`, kind: 'generate', panelId: `panel-${i + 1}`, input }));
}


describe('generation queue', () => {
  it('runs a batch with bounded concurrency, storing every result and the running spend', async () => {
    kit = await startKit({ latencyMs: 150, maxInFlight: 2 });
    const h = makeQueue(kit, { concurrency: 2 });
    const batch = await jobs(6);
    h.queue.add(batch);
    await h.queue.onIdle();
    expect(h.stored.map((s) => s.job.id).sort()).toEqual(batch.map((j) => j.id).sort());
    expect(kit.gateway.rejectedByInFlightLimit).toBe(0);
    expect(kit.gateway.peakInFlight).toBe(2);
    expect(h.latest()).toMatchObject({ spentCents: 30, pause: null, counts: { done: 6, total: 6, failed: 0 } });
    const firstStates = h.snapshots[0]!.counts;
    expect(firstStates).toMatchObject({ queued: 6, total: 6 });
  });

  it('reports each job through queued, sending, polling, downloading and done', async () => {
    kit = await startKit({ mode: 'async' });
    const h = makeQueue(kit);
    h.queue.add(await jobs(1));
    await h.queue.onIdle();
    const states = h.snapshots.map((s) => s.jobs[0]!.state).filter((s, i, all) => s !== all[i - 1]);
    expect(states).toEqual<JobState[]>(['queued', 'sending', 'polling', 'downloading', 'done']);
    expect(h.latest().jobs[0]!.remoteJobId).toMatch(/^job_/);
  });

  it('uses the price setting for the spend when the gateway sends no cost header', async () => {
    kit = await startKit({ costCents: null }, { pricePerImageCents: 7 });
    const h = makeQueue(kit, { pricePerImageCents: 7 });
    const batch: QueueJob[] = [
      { id: 'g', kind: 'generate', panelId: 'p1', input: await generateInput({ variations: 2 }) },
      { id: 'r', kind: 'restyle', panelId: 'p2', input: await restyleInput() },
    ];
    h.queue.add(batch);
    await h.queue.onIdle();
    expect(h.latest().spentCents).toBe(21);
  });

  it('a 429 with Retry-After: 120 pauses the whole queue: nothing is sent for 120 s, then it continues by itself', async () => {
    kit = await startKit({ mode: 'async' }, {}, { autoAdvance: false });
    const k = kit;
    // Whichever submit arrives first is accepted (and then polls); the second is rate limited.
    k.gateway.script(fault.pass(), fault.status(429, { retryAfter: '120' }));
    const h = makeQueue(k, { concurrency: 2 });
    h.queue.add(await jobs(3));
    await expect.poll(() => h.latest().pause?.reason).toBe('rate-limit');
    await expect.poll(() => h.latest().counts.polling).toBe(1);
    const pausedAt = k.clock.now();
    const pause = h.latest().pause;
    expect(pause).toMatchObject({ resumeAt: pausedAt + 120_000 });
    expect(h.latest().counts).toMatchObject({ waiting: 1, queued: 1 });
    const sentAtPause = k.sent.length;

    k.clock.advance(119_999); // the accepted job's poll timer fires inside this window, and must wait
    expect(h.latest().pause).toMatchObject({ reason: 'rate-limit' });

    k.clock.advance(1);
    const stop = k.clock.autoAdvance();
    await h.queue.onIdle();
    stop();
    expect(h.latest()).toMatchObject({ pause: null, counts: { done: 3 } });
    // Virtual timestamps prove the pause without a real wait: nothing went out before resumeAt.
    expect(k.sent.slice(sentAtPause).every((s) => s.at >= pausedAt + 120_000)).toBe(true);
    const posts = imageRequests(k.gateway);
    expect(posts).toHaveLength(4);
    const rateLimited = posts.find((p) => p.status === 429)!;
    expect(posts.filter((p) => p.idempotencyKey === rateLimited.idempotencyKey)).toHaveLength(2);
  });

  it('a 429 met while polling holds back every other job too, without resubmitting', async () => {
    kit = await startKit({ mode: 'async', jobPendingPolls: 3 });
    const k = kit;
    k.gateway.script(fault.status(429, { retryAfter: '120', on: 'poll' }));
    const h = makeQueue(k, { concurrency: 2 });
    let pausedAt: { sent: number; resumeAt: number } | undefined;
    h.queue.onProgress((s) => {
      if (s.pause?.reason === 'rate-limit' && !pausedAt) pausedAt = { sent: k.sent.length, resumeAt: s.pause.resumeAt };
    });
    h.queue.add(await jobs(2));
    await h.queue.onIdle();
    expect(h.latest().counts.done).toBe(2);
    expect(pausedAt).toBeDefined();
    expect(k.sent.slice(pausedAt!.sent).every((s) => s.at >= pausedAt!.resumeAt)).toBe(true);
    expect(imageRequests(k.gateway)).toHaveLength(2);
  });

  it.each([
    [401, 'bad-key', 'GATEWAY_BAD_KEY'],
    [402, 'out-of-credits', 'GATEWAY_OUT_OF_CREDITS'],
  ] as const)('a %i pauses the queue until resume(), then the same job is sent again', async (status, reason, _code) => {
    kit = await startKit();
    kit.gateway.script(fault.status(status));
    const h = makeQueue(kit, { concurrency: 1 });
    h.queue.add(await jobs(3));
    await expect.poll(() => h.latest().pause?.reason).toBe(reason);
    expect(imageRequests(kit.gateway)).toHaveLength(1);
    expect(h.latest().pause!.message).toMatch(/Resume/);
    expect(h.latest().counts).toMatchObject({ waiting: 1, queued: 2 });
    expect(h.stored).toHaveLength(0);

    h.queue.resume();
    await h.queue.onIdle();
    expect(h.latest().counts.done).toBe(3);
    const posts = imageRequests(kit.gateway);
    expect(posts).toHaveLength(4);
    // The request right after the refused one is its retry: no other job slipped out while paused.
    expect(posts[0]!.idempotencyKey).toBe(posts[1]!.idempotencyKey);
  });

  it('a real empty wallet pauses, and topping up + Resume finishes the batch', async () => {
    kit = await startKit({ credits: 1 });
    const h = makeQueue(kit, { concurrency: 1 });
    h.queue.add(await jobs(3));
    await expect.poll(() => h.latest().pause?.reason).toBe('out-of-credits');
    expect(h.stored).toHaveLength(1);
    kit.gateway.setCredits(10);
    h.queue.resume();
    await h.queue.onIdle();
    expect(h.stored).toHaveLength(3);
  });

  it('retries provider failures with one key, and failed jobs never reach the store', async () => {
    kit = await startKit();
    kit.gateway.script(
      fault.status(503), fault.status(503), fault.pass(), // job 1: recovers on the third attempt
      fault.status(422), //                                   job 2: safety check
      fault.malformedJson(), //                               job 3
      fault.truncatedImage(), //                              job 4
      fault.status(500), fault.status(500), fault.status(500), // job 5: gives up
      fault.status(400), //                                   job 6
    );
    const h = makeQueue(kit, { concurrency: 1 });
    h.queue.add(await jobs(7));
    await h.queue.onIdle();
    expect(h.stored.map((s) => s.job.id)).toEqual(['job-1', 'job-7']);
    const byId = Object.fromEntries(h.latest().jobs.map((j) => [j.id, j]));
    expect(byId['job-1']).toMatchObject({ state: 'done' });
    expect(byId['job-2']).toMatchObject({ state: 'failed', error: { code: 'GATEWAY_SAFETY_REJECTED' } });
    expect(byId['job-3']).toMatchObject({ state: 'failed', error: { code: 'GATEWAY_OUTCOME_UNKNOWN' }, paidWithoutImage: 'unknown' });
    expect(byId['job-4']).toMatchObject({ state: 'failed', error: { code: 'GATEWAY_BAD_IMAGE' }, paidWithoutImage: 'unusable' });
    expect(byId['job-5']).toMatchObject({ state: 'failed', error: { code: 'GATEWAY_PROVIDER_FAILED' } });
    expect(byId['job-6']).toMatchObject({ state: 'failed', error: { code: 'GATEWAY_BAD_REQUEST' } });
    // Job 4's answer came (and was paid for) with an unusable image, job 3's answer came unreadable
    // (it may have been paid for): both count.
    expect(h.latest()).toMatchObject({ spentCents: 20, spend: { storedImages: 2, storedCents: 10, unusableImages: 1, unusableCents: 5, unknownRequests: 1, unknownCents: 5 }, counts: { done: 2, failed: 5 } });
    const keys = imageRequests(kit.gateway).map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(11);
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(new Set(keys).size).toBe(7);
  });

  it('cancel stops what was not sent; a job in flight runs to its answer and is kept (finished after cancel)', async () => {
    kit = await startKit({ latencyMs: 300 });
    const k = kit;
    const h = makeQueue(k, { concurrency: 1 });
    h.queue.add(await jobs(4));
    await expect.poll(() => h.latest().jobs[0]!.state).toBe('sending');
    expect(h.queue.cancel('job-2')).toBe(true);
    expect(h.queue.cancel('job-1')).toBe(true);
    await expect.poll(() => h.latest().jobs[2]!.state).toBe('sending');
    h.queue.cancelAll();
    await h.queue.onIdle();
    const byId = Object.fromEntries(h.latest().jobs.map((j) => [j.id, j]));
    expect(byId['job-1']).toMatchObject({ state: 'done', finishedAfterCancel: true });
    expect(byId['job-3']).toMatchObject({ state: 'done', finishedAfterCancel: true });
    expect(byId['job-2']).toMatchObject({ state: 'cancelled' });
    expect(byId['job-4']).toMatchObject({ state: 'cancelled' });
    expect(h.stored.map((s) => [s.job.id, s.context.afterCancel])).toEqual([['job-1', true], ['job-3', true]]);
    expect(imageRequests(k.gateway)).toHaveLength(2);
    expect(h.latest().spend).toMatchObject({ storedImages: 2, storedCents: 10 });
    expect(h.queue.cancel('job-1')).toBe(false);
  });

  it('cancelling a queued async job asks the gateway to cancel it (not charged); stopNow names what may be lost', async () => {
    kit = await startKit({ mode: 'async', jobPendingPolls: 1000, latencyMs: 60_000 });
    const k = kit;
    const ended: Array<string | undefined> = [];
    const h = makeQueue(k, { concurrency: 1, onJobEnded: (_job, _view, remote) => ended.push(remote) });
    h.queue.add(await jobs(1));
    await expect.poll(() => h.latest().jobs[0]!.state).toBe('polling');
    h.queue.cancel('job-1');
    await h.queue.onIdle();
    expect(h.latest().jobs[0]).toMatchObject({ state: 'cancelled' });
    expect(k.gateway.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/cancel'))).toHaveLength(1);
    expect(ended).toEqual([h.latest().jobs[0]!.remoteJobId]);
    expect(h.stored).toHaveLength(0);
    expect(h.latest().spentCents).toBe(0);
  });

  it('counts the images a stop would lose: every variation of a sent request, none of a queued one or an accepted async job', async () => {
    kit = await startKit({ latencyMs: 60_000 });
    const k = kit;
    const h = makeQueue(k, { concurrency: 2 });
    const input = await generateInput({ variations: 3 });
    const accepted = { jobId: 'job_elsewhere', params: { model: 'ideogram/ideogram-character', prompt: 'p', n: 4, size: '1312x736' }, submittedAt: k.clock.now() };
    h.queue.add([
      { id: 'sent-1', kind: 'generate', panelId: 'panel-1', input },
      { id: 'sent-2', kind: 'generate', panelId: 'panel-2', input: { ...input, variations: 2 } },
      { id: 'waiting-3', kind: 'generate', panelId: 'panel-3', input },
    ]);
    await expect.poll(() => imageRequests(k.gateway).length).toBe(2);
    expect(h.queue.imagesLostIfStopped()).toBe(5);
    h.queue.add([{ id: 'resumed', kind: 'resume', panelId: 'panel-4', accepted }]);
    expect(h.queue.imagesLostIfStopped()).toBe(5); // collected again by its job id on the next open
    expect(h.queue.stopNow().map((job) => job.id).sort()).toEqual(['sent-1', 'sent-2']);
    expect(h.queue.imagesLostIfStopped()).toBe(0);
  });

  it('persists accepted job ids through onJobAccepted and resumes them after a restart without resubmitting', async () => {
    kit = await startKit({ mode: 'async' });
    const k = kit;
    const persisted: string[] = [];
    const first = makeQueue(k, {
      onJobAccepted: (_job, accepted) => {
        persisted.push(accepted.jobId);
        throw new Error('crash');
      },
    });
    first.queue.add(await jobs(1));
    await first.queue.onIdle();
    expect(first.latest().jobs[0]).toMatchObject({ state: 'failed', remoteJobId: persisted[0] });
    first.queue.dispose();

    const second = makeQueue(k);
    const accepted = { jobId: persisted[0]!, params: { model: 'ideogram/ideogram-character', prompt: 'p', n: 1, size: '1312x736' } };
    second.queue.add([{ id: 'r', kind: 'resume', panelId: 'panel-1', accepted }]);
    await second.queue.onIdle();
    expect(second.stored).toHaveLength(1);
    expect(second.stored[0]!.result.remoteJobId).toBe(persisted[0]);
    expect(imageRequests(k.gateway)).toHaveLength(1);
  });
});
