/**
 * An outcome-unknown request retried with the same Idempotency-Key is one charge. When the Retry's
 * answer is unusable, that charge is counted once, as unusable: in the session and in the project
 * (what `castboard info` and any later session read), never as unknown and unusable both.
 */
import { describe, expect, it } from 'vitest';
import { fault } from '../../../fakes/gateway/fake-gateway';
import { cli } from '../../cli/cli-kit';
import { gatewayWith, onDisk, rig, settled, storyboard, tempDir } from '../../main/support/app-rig';

describe('an unknown outcome whose Retry answers with an unusable image', () => {
  it('counts one charge, as unusable, in the session and in the project', async () => {
    const gateway = await gatewayWith();
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 1);
    gateway.script(fault.drop(), fault.nonImage());
    await r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 });
    const first = await settled(r);
    expect(first.jobs[0]).toMatchObject({ state: 'failed', paidWithoutImage: 'unknown' });

    await r.call('jobs:retry', { jobId: first.jobs[0]?.id });
    const retried = await settled(r);
    expect(retried.jobs[0]).toMatchObject({ state: 'failed', paidWithoutImage: 'unusable' });
    expect(new Set(gateway.requests.filter((q) => q.method === 'POST').map((q) => q.idempotencyKey)).size).toBe(1);
    expect(retried.spend).toMatchObject({ unknownRequests: 0, unusableImages: 1, unusableCents: 5 });
    expect(retried.spentCents).toBe(5);

    await r.services.workspace.close();
    expect((await onDisk(root)).paidWithoutImage).toEqual([expect.objectContaining({ kind: 'unusable', costCents: 5 })]);
    const info = JSON.parse((await cli(['info', root, '--json'])).stdout) as { spentCents: number; spend: { unknownRequests: number } };
    expect(info).toMatchObject({ spentCents: 5, spend: { unknownRequests: 0 } });
  }, 30_000);
});
