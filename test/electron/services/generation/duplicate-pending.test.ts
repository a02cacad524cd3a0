/**
 * A project.json whose pendingJobs names the same gateway job twice (edited by hand, merged by a
 * sync tool, written by an older build) must not stop Castboard from collecting it: the job is
 * polled, its image stored once, and nothing is sent again, in the app and in the CLI.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FakeGateway } from '../../../fakes/gateway/fake-gateway';
import { cli, gatewayEnv } from '../../cli/cli-kit';
import { gatewayWith, onDisk, rig, settled, storyboard, tempDir } from '../../main/support/app-rig';

/** A project left with one accepted job pending (the app stopped before polling), then listed twice. */
async function duplicatedPendingJob(store: Record<string, unknown> = {}): Promise<{ gateway: FakeGateway; root: string }> {
  const gateway = await gatewayWith({ mode: 'async', latencyMs: 1500 });
  const first = rig(gateway, store);
  const { root, project } = await storyboard(first, await tempDir(), 1);
  await first.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 });
  await expect.poll(async () => (await onDisk(root)).pendingJobs.length, { timeout: 10_000 }).toBe(1);
  first.services.generation.dispose();
  await first.services.workspace.close();
  const file = path.join(root, 'project.json');
  const saved = JSON.parse(await readFile(file, 'utf8')) as { pendingJobs: unknown[] };
  await writeFile(file, JSON.stringify({ ...saved, pendingJobs: [saved.pendingJobs[0], saved.pendingJobs[0]] }));
  return { gateway, root };
}

async function expectCollectedOnce(gateway: FakeGateway, root: string): Promise<void> {
  const after = await onDisk(root);
  expect(after.panels[0]?.takes).toHaveLength(1);
  expect(after.pendingJobs).toEqual([]);
  expect(gateway.posts).toBe(1);
}

describe('a pending job listed twice in project.json', () => {
  it('the app opens the project and collects it once', async () => {
    const store: Record<string, unknown> = {}; // the app's settings (recent projects) across the restart
    const { gateway, root } = await duplicatedPendingJob(store);
    const second = rig(gateway, store);
    await second.call('project:openRecent', { path: root });
    const snapshot = await settled(second);
    expect(snapshot.jobs).toHaveLength(1);
    expect(snapshot.jobs[0]).toMatchObject({ state: 'done', images: 1 });
    await second.call('project:save');
    await expectCollectedOnce(gateway, root);
  }, 30_000);

  it('castboard generate --collect collects it once', async () => {
    const { gateway, root } = await duplicatedPendingJob();
    const run = await cli(['generate', root, '--collect', '--yes'], { env: gatewayEnv(gateway) });
    expect(run.stderr).toContain('1 job accepted in an earlier run will be collected');
    expect(run.code).toBe(0);
    await expectCollectedOnce(gateway, root);
  }, 30_000);
});
