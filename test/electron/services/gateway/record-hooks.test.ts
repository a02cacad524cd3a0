/**
 * The queue's record hooks (paid without an image, job ended) write to the project, which can
 * refuse a record. Whatever they do, a job reaches its end: one left running would keep its
 * project busy (it could not be closed) and onIdle() would never resolve.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGenerationQueue, type GenerationQueue } from '../../../../electron/services/gateway/generation-queue';
import { fault } from '../../../fakes/gateway/fake-gateway';
import { generateInput, startKit, type Kit } from './test-kit';

let kit: Kit | undefined;
let queue: GenerationQueue | undefined;
afterEach(async () => {
  queue?.dispose();
  await kit?.close();
  kit = undefined;
  queue = undefined;
});

describe('record hooks that throw', () => {
  it('an unusable paid answer still ends its job as failed, counted, when both record hooks throw', async () => {
    kit = await startKit();
    const told: string[] = [];
    queue = createGenerationQueue({
      client: kit.client,
      now: kit.clock.now,
      sleep: kit.clock.sleep,
      onResult: () => undefined,
      onPaidWithoutImage: (_job, event) => {
        told.push(event.kind);
        throw new Error('Castboard cannot store this change');
      },
      onJobEnded: () => {
        told.push('ended');
        throw new Error('Castboard cannot store this change');
      },
    });
    kit.gateway.script(fault.nonImage());
    queue.add([{ id: 'job-1', kind: 'generate', panelId: 'panel-1', input: await generateInput() }]);
    await queue.onIdle();
    expect(told).toEqual(['unusable', 'ended']);
    expect(queue.snapshot().jobs[0]).toMatchObject({ state: 'failed', paidWithoutImage: 'unusable', error: { code: 'GATEWAY_BAD_IMAGE' } });
    expect(queue.snapshot()).toMatchObject({ spentCents: 5, counts: { failed: 1, total: 1 } });
  });
});
