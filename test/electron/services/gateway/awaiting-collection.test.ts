/**
 * What the queue snapshot says is paid for but not here yet (`awaiting`): async jobs the gateway
 * accepted whose images have not arrived — being made, kept after contact was lost, or resumed
 * after a restart. Spend counts them only when their images arrive (at the cost the gateway
 * reports), so without this a snapshot said "spent 0" while a paid job waited. Against the fake
 * gateway in async mode over real HTTP.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGenerationQueue, type GenerationQueue } from '../../../../electron/services/gateway/generation-queue';
import type { AcceptedJob } from '../../../../electron/services/gateway/gateway-types';
import type { QueueSnapshot } from '../../../../electron/services/gateway/queue-types';
import { fault } from '../../../fakes/gateway/fake-gateway';
import { generateInput, imageRequests, startKit, type Kit } from './test-kit';

let kit: Kit | undefined;
let queue: GenerationQueue | undefined;
afterEach(async () => {
  const [openQueue, openKit] = [queue, kit];
  [queue, kit] = [undefined, undefined];
  openQueue?.dispose();
  if (openKit) await openKit.close();
});

function startQueue(k: Kit): { queue: GenerationQueue; snapshots: QueueSnapshot[] } {
  const snapshots: QueueSnapshot[] = [];
  queue = createGenerationQueue({ client: k.client, now: k.clock.now, sleep: k.clock.sleep, onResult: () => undefined, onProgress: (s) => snapshots.push(s) });
  return { queue, snapshots };
}

describe('paid jobs waiting at the gateway', () => {
  it('an accepted job counts its images as awaiting while it is made, then as spent when they arrive', async () => {
    kit = await startKit({ mode: 'async', jobPendingPolls: 3 });
    const { queue: q, snapshots } = startQueue(kit);
    q.add([{ id: 'job-1', kind: 'generate', panelId: 'panel-1', input: await generateInput({ variations: 2 }) }]);
    await q.onIdle();
    const polling = snapshots.find((s) => s.jobs[0]?.state === 'polling');
    expect(polling).toMatchObject({ spentCents: 0, awaiting: { requests: 1, images: 2 } });
    // Before the gateway accepted it nothing is known to be waiting there.
    expect(snapshots.find((s) => s.jobs[0]?.state === 'sending')?.awaiting).toEqual({ requests: 0, images: 0 });
    expect(q.snapshot()).toMatchObject({ spentCents: 10, awaiting: { requests: 0, images: 0 }, counts: { done: 1 } });
  });

  it('a job kept after contact was lost stays awaiting until Collect brings its image; nothing is sent again', async () => {
    kit = await startKit({ mode: 'async' });
    kit.gateway.script(...[1, 2, 3].map(() => fault.drop('poll')));
    const { queue: q } = startQueue(kit);
    q.add([{ id: 'job-1', kind: 'generate', panelId: 'panel-1', input: await generateInput() }]);
    await q.onIdle();
    expect(q.snapshot()).toMatchObject({ spentCents: 0, awaiting: { requests: 1, images: 1 }, jobs: [{ state: 'failed', error: { code: 'GATEWAY_JOB_KEPT' } }] });
    // Clearing finished jobs keeps a kept one, and what it waits for.
    q.clearFinished();
    expect(q.snapshot().awaiting).toEqual({ requests: 1, images: 1 });
    expect(q.retry('job-1')).toBe(true);
    await q.onIdle();
    expect(q.snapshot()).toMatchObject({ spentCents: 5, awaiting: { requests: 0, images: 0 }, counts: { done: 1 } });
    expect(imageRequests(kit.gateway)).toHaveLength(1);
  });

  it('a job accepted before a restart is awaiting from the moment it is resumed, with the images its request asked for', async () => {
    kit = await startKit({ mode: 'async', jobPendingPolls: 2 });
    const persisted: { job?: AcceptedJob } = {};
    const crash = new Error('the app was killed');
    await expect(
      kit.client.generatePanel(await generateInput({ variations: 3 }), {
        onJobAccepted: (job) => {
          persisted.job = job;
          throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const { queue: q } = startQueue(kit);
    q.add([{ id: 'resume-1', kind: 'resume', panelId: 'panel-1', accepted: persisted.job! }]);
    expect(q.snapshot()).toMatchObject({ spentCents: 0, awaiting: { requests: 1, images: 3 } });
    await q.onIdle();
    expect(q.snapshot()).toMatchObject({ spentCents: 15, awaiting: { requests: 0, images: 0 } });
  });

  it('a job the gateway failed (not charged) no longer waits and costs nothing', async () => {
    kit = await startKit({ mode: 'async' });
    kit.gateway.script(fault.jobFailed('GPU fell over'));
    const { queue: q } = startQueue(kit);
    q.add([{ id: 'job-1', kind: 'generate', panelId: 'panel-1', input: await generateInput() }]);
    await q.onIdle();
    expect(q.snapshot()).toMatchObject({ spentCents: 0, awaiting: { requests: 0, images: 0 }, jobs: [{ state: 'failed', error: { code: 'GATEWAY_JOB_FAILED' } }] });
  });
});
