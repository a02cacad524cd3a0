/**
 * The money rules of the queue and client against the fake gateway over HTTP: what is resent and
 * what never is, the Retry-After cap and the cap on 429s in a row, 304 on a too-fast poll, and the
 * pacer's reading of the gateway's limit headers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { realNow, realSleep } from '../../../../electron/services/gateway/clock';
import { createGenerationQueue, type GenerationQueue } from '../../../../electron/services/gateway/generation-queue';
import { Pacer, parseResetDuration } from '../../../../electron/services/gateway/pacer';
import type { QueueJob } from '../../../../electron/services/gateway/queue-types';
import { fault } from '../../../fakes/gateway/fake-gateway';
import { ManualClock } from './manual-clock';
import { generateInput, imageRequests, startKit, type Kit } from './test-kit';

let kit: Kit | undefined;
let queue: GenerationQueue | undefined;
afterEach(async () => {
  const [openQueue, openKit] = [queue, kit];
  [queue, kit] = [undefined, undefined];
  openQueue?.dispose(); // before the gateway closes, so nothing is left waiting on it
  if (openKit) await openKit.close();
});

async function oneJob(): Promise<QueueJob[]> {
  return [{ id: 'job-1', kind: 'generate', panelId: 'panel-1', input: await generateInput() }];
}

describe('what is resent', () => {
  it('a refused connection (nothing sent) is tried again; three refusals is GATEWAY_UNREACHABLE', async () => {
    kit = await startKit();
    const url = kit.gateway.url;
    await kit.gateway.close();
    const client = kit.makeClient({ baseURL: url });
    await expect(client.generatePanel(await generateInput())).rejects.toMatchObject({ code: 'GATEWAY_UNREACHABLE', message: expect.stringContaining('nothing was sent') });
    expect(kit.sent.filter((s) => s.method === 'POST')).toHaveLength(3);
    kit = undefined;
  });

  it('a 502 or 504 may have been rendered: outcome unknown, not resent', async () => {
    kit = await startKit();
    kit.gateway.script(fault.status(504));
    await expect(kit.client.generatePanel(await generateInput())).rejects.toMatchObject({ code: 'GATEWAY_OUTCOME_UNKNOWN', paid: 'unknown' });
    expect(imageRequests(kit.gateway)).toHaveLength(1);
  });
});

describe('rate limits', () => {
  it('a Retry-After longer than the cap pauses the batch with a message until Resume', async () => {
    kit = await startKit();
    kit.gateway.script(fault.status(429, { retryAfter: '3600' }));
    queue = createGenerationQueue({ client: kit.client, now: kit.clock.now, sleep: kit.clock.sleep, retryAfterCapMs: 600_000, onResult: () => undefined });
    queue.add(await oneJob());
    await expect.poll(() => queue!.snapshot().pause?.reason).toBe('rate-limit-long');
    expect(queue.snapshot().pause?.message).toContain('wait 60 minutes');
    expect(imageRequests(kit.gateway)).toHaveLength(1);
    queue.resume();
    await queue.onIdle();
    expect(queue.snapshot().counts.done).toBe(1);
    expect(new Set(imageRequests(kit.gateway).map((r) => r.idempotencyKey)).size).toBe(1);
  });

  it('429s in a row for one job are capped: it fails, not charged, with Retry offered', async () => {
    kit = await startKit();
    kit.gateway.script(...Array.from({ length: 10 }, () => fault.status(429, { retryAfter: '1' })));
    queue = createGenerationQueue({ client: kit.client, now: kit.clock.now, sleep: kit.clock.sleep, maxConsecutiveRateLimits: 3, onResult: () => undefined });
    queue.add(await oneJob());
    await queue.onIdle();
    expect(queue.snapshot().jobs[0]).toMatchObject({ state: 'failed', retryable: true, error: { code: 'GATEWAY_RATE_LIMITED', message: expect.stringContaining('4 times in a row') } });
    expect(imageRequests(kit.gateway)).toHaveLength(4);
    expect(queue.snapshot().spentCents).toBe(0);
  });
});

describe('async jobs', () => {
  it('a pending job older than the gateway keeps results is given up without a request, and said to be possibly charged', async () => {
    kit = await startKit({ mode: 'async' });
    const ended: Array<string | undefined> = [];
    queue = createGenerationQueue({ client: kit.client, now: kit.clock.now, sleep: kit.clock.sleep, onResult: () => undefined, onJobEnded: (_job, _view, remote) => ended.push(remote) });
    const accepted = { jobId: 'job_old', params: { model: 'ideogram/ideogram-character', prompt: 'p', n: 1, size: '1312x736' }, submittedAt: kit.clock.now() - 8 * 86_400_000 };
    queue.add([{ id: 'resume-job_old', kind: 'resume', panelId: 'panel-1', accepted }]);
    await queue.onIdle();
    expect(queue.snapshot().jobs[0]).toMatchObject({ state: 'failed', paidWithoutImage: 'unknown', error: { code: 'GATEWAY_JOB_LOST', message: expect.stringContaining('may have been charged') } });
    expect(ended).toEqual(['job_old']);
    expect(kit.gateway.requests).toHaveLength(0);
  });

  it('a 304 on a poll sooner than the gateway allows is not an error', async () => {
    kit = await startKit({ mode: 'async', minPollIntervalMs: 1000, jobPendingPolls: 1 }, { now: realNow, sleep: realSleep, poll: { minIntervalMs: 60, maxIntervalMs: 200 } });
    await expect(kit.client.generatePanel(await generateInput())).resolves.toMatchObject({ images: [expect.anything()] });
    expect(kit.gateway.requests.some((r) => r.status === 304)).toBe(true);
    expect(imageRequests(kit.gateway)).toHaveLength(1);
  });
});

describe('pacer', () => {
  it('reads the reset header forms', () => {
    expect(parseResetDuration('1s')).toBe(1000);
    expect(parseResetDuration('6m0s')).toBe(360_000);
    expect(parseResetDuration('250ms')).toBe(250);
    expect(parseResetDuration('12.5')).toBe(12_500);
    expect(parseResetDuration('soon')).toBeUndefined();
  });

  it('with limit headers, waits for a token instead of sending into a 429', async () => {
    const clock = new ManualClock();
    const stop = clock.autoAdvance();
    const pacer = new Pacer({ maxInFlight: 10, now: clock.now, sleep: clock.sleep, probeGapMs: 0 });
    const release = await pacer.acquire();
    release({ answered: true, headers: new Headers({ 'x-ratelimit-limit-requests': '60', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1s' }) });
    const before = clock.now();
    (await pacer.acquire())({ answered: true });
    stop();
    expect(clock.now() - before).toBeGreaterThanOrEqual(1000); // one token at 60/min
    expect(pacer.snapshot()).toMatchObject({ requestsPerMinute: 60, learnedFrom: 'headers' });
  });

  it('after a 429 halves the in-flight limit, remembers the ceiling, and raises it slowly', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ maxInFlight: 10, now: clock.now, sleep: clock.sleep, probeGapMs: 0 });
    const slots = [await pacer.acquire(), await pacer.acquire(), await pacer.acquire(), await pacer.acquire()];
    slots[3]!({ answered: true, rateLimited: true }); // refused with 4 out
    expect(pacer.snapshot()).toMatchObject({ inFlightLimit: 2, learnedFrom: 'rate-limit' });
    for (const slot of slots.slice(0, 3)) slot({ answered: true });
    for (let i = 0; i < 10; i += 1) (await pacer.acquire())({ answered: true });
    expect(pacer.snapshot().inFlightLimit).toBe(3); // back up to the ceiling, not beyond it
  });
});
