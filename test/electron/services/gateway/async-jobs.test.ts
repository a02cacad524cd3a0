/**
 * 202 async jobs against the fake gateway: persist-before-poll, poll spacing and backoff on the
 * virtual clock, resume after a crash without resubmitting, failure and cancellation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AcceptedJob } from '../../../../electron/services/gateway/gateway-types';
import { fault } from '../../../fakes/gateway/fake-gateway';
import { generateInput, imageRequests, pollRequests, startKit, type Kit } from './test-kit';

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

describe('async jobs', () => {
  it('persists the job id before the first poll, polls at least 3 s apart, then returns the images', async () => {
    kit = await startKit({ mode: 'async', jobPendingPolls: 3 });
    const k = kit;
    const persisted: Array<{ job: AcceptedJob; pollsSoFar: number }> = [];
    const result = await k.client.generatePanel(await generateInput({ variations: 2 }), {
      onJobAccepted: (job) => {
        persisted.push({ job, pollsSoFar: pollRequests(k.gateway).length });
      },
    });
    expect(persisted).toHaveLength(1);
    expect(persisted[0]!.pollsSoFar).toBe(0);
    expect(persisted[0]!.job.params).toMatchObject({ model: 'ideogram/ideogram-character', n: 2 });
    expect(result.remoteJobId).toBe(persisted[0]!.job.jobId);
    expect(result.images).toHaveLength(2);
    expect(result).toMatchObject({ costCents: 10, costSource: 'header' });

    const polls = k.sent.filter((s) => s.url.includes('/jobs/'));
    expect(polls).toHaveLength(4);
    const submitAt = k.sent[0]!.at;
    const times = [submitAt, ...polls.map((p) => p.at)];
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(3000);
    expect(gaps).toEqual([3000, 4500, 6750, 10125]);
  });

  it('backs off to at most 30 s between polls', async () => {
    kit = await startKit({ mode: 'async', jobPendingPolls: 9 });
    await kit.client.generatePanel(await generateInput());
    expect(kit.clock.sleeps).toEqual([3000, 4500, 6750, 10125, 15188, 22782, 30000, 30000, 30000, 30000]);
  });

  it('resumes a job after a crash between submit and poll, without resubmitting', async () => {
    kit = await startKit({ mode: 'async' });
    const store: { pending?: AcceptedJob } = {};
    const crash = new Error('the app was killed');
    await expect(
      kit.client.generatePanel(await generateInput(), {
        onJobAccepted: (job) => {
          store.pending = job; // what the project store writes to project.json
          throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(pollRequests(kit.gateway)).toHaveLength(0);

    // "Restart": a new client, given only what was persisted.
    const afterRestart = kit.makeClient();
    const result = await afterRestart.resumeJob(store.pending!);
    expect(result.images).toHaveLength(1);
    expect(result.remoteJobId).toBe(store.pending!.jobId);
    expect(imageRequests(kit.gateway)).toHaveLength(1);
    const polled = new Set(pollRequests(kit.gateway).map((r) => r.path));
    expect(polled).toEqual(new Set([`/v1/jobs/${store.pending!.jobId}`]));
  });

  it('a failed job is GATEWAY_JOB_FAILED ("not charged", with the gateway\'s words) and is not resubmitted', async () => {
    kit = await startKit({ mode: 'async' });
    kit.gateway.script(fault.jobFailed('GPU fell over'));
    await expect(kit.client.generatePanel(await generateInput())).rejects.toMatchObject({
      code: 'GATEWAY_JOB_FAILED',
      message: expect.stringMatching(/not charged.*GPU fell over/),
    });
    expect(imageRequests(kit.gateway)).toHaveLength(1);
  });

  it('tolerates a couple of failed polls (the job is paid; a 502 to a GET charged nothing) but not endless ones', async () => {
    kit = await startKit({ mode: 'async' });
    kit.gateway.script(fault.status(502, { on: 'poll' }), fault.malformedJson('poll'));
    await expect(kit.client.generatePanel(await generateInput())).resolves.toMatchObject({ images: [expect.anything()] });
    kit.gateway.reset();
    kit.gateway.script(...[1, 2, 3].map(() => fault.drop('poll')));
    // Contact lost, job still at the gateway: kept to be collected later, not counted as lost.
    const kept = await kit.client.generatePanel(await generateInput()).catch((error: unknown) => error);
    expect(kept).toMatchObject({ code: 'GATEWAY_JOB_KEPT', jobKept: true, retryable: true, paid: undefined });
    expect((kept as Error).message).toMatch(/lost contact.*\(the connection failed\).*Collect \(on the panel\) asks the gateway for its image again without sending a new request/);
    expect(imageRequests(kit.gateway)).toHaveLength(1);
  });

  it('a job still pending after the poll limit is kept (it may yet finish), not given up as lost', async () => {
    kit = await startKit({ mode: 'async', jobPendingPolls: 1000 }, { poll: { minIntervalMs: 1000, maxIntervalMs: 1000, maxWaitMs: 10_000 } });
    const kept = await kit.client.generatePanel(await generateInput()).catch((error: unknown) => error);
    expect(kept).toMatchObject({ code: 'GATEWAY_JOB_KEPT', jobKept: true, paid: undefined });
    expect(imageRequests(kit.gateway)).toHaveLength(1);
  });

  it('an expired result URL is fetched again through the job record before the image is given up', async () => {
    kit = await startKit({ mode: 'async' });
    kit.gateway.script(fault.expiredUrl());
    await expect(kit.client.generatePanel(await generateInput())).resolves.toMatchObject({ images: [expect.anything()] });
    expect(imageRequests(kit.gateway)).toHaveLength(1);
    kit.gateway.reset();
    kit.gateway.script(fault.expiredUrl(), fault.expiredUrl());
    // A completed job was charged: an image that cannot be fetched even so is paid for and unusable.
    await expect(kit.client.generatePanel(await generateInput())).rejects.toMatchObject({ code: 'GATEWAY_URL_EXPIRED', paid: 'unusable', costCents: 5 });
    expect(imageRequests(kit.gateway)).toHaveLength(1);
  });

  it('cancelling while polling stops at once and returns nothing', async () => {
    kit = await startKit({ mode: 'async', jobPendingPolls: 1000 });
    const k = kit;
    const controller = new AbortController();
    const pending = k.client.generatePanel(await generateInput(), { signal: controller.signal });
    await expect.poll(() => pollRequests(k.gateway).length).toBeGreaterThanOrEqual(2);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
    const sentPolls = () => k.sent.filter((s) => s.url.includes('/jobs/')).length;
    const pollsAtCancel = sentPolls();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sentPolls()).toBe(pollsAtCancel);
  });
});
