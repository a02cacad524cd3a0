/**
 * `castboard generate` whose images cannot be written (a full disk: here the kernel's file-size
 * limit, `ulimit -f`, refuses the PNGs while the small project.json still fits). The command
 * cannot wait for space as the app does, so it must not promise to, must not report the images
 * as stored, and must leave the money in the project: an image answered at once is recorded as
 * paid without an image; an accepted async job stays pending and the next run collects it
 * without a new request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGateway, type FakeGateway } from '../../fakes/gateway/fake-gateway';
import { cli, gatewayEnv, makeProject, readProjectJson, startCliProcess, tempDir } from './cli-kit';

let gateway: FakeGateway | undefined;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await gateway?.close();
  await cleanup?.();
  gateway = undefined;
});

/** Runs the real command with files limited to 8 KB (the project.json fits, a generated PNG does not). */
function generateWithFullDisk(project: string, env: Record<string, string>) {
  return startCliProcess(['generate', project, '--yes'], env, { maxFileBlocks: 16 }).done;
}

async function project(): Promise<string> {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  return makeProject(temp.dir, ['one']);
}

describe('castboard generate when the images cannot be written', () => {
  it('an image answered at once: not reported as stored, no promise to keep it, counted as paid in the project', async () => {
    gateway = await startFakeGateway();
    const dir = await project();
    const run = await generateWithFullDisk(dir, gatewayEnv(gateway));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('0 images stored');
    expect(run.stdout).toContain('1 image paid for but unusable ($0.05)');
    expect(`${run.stdout}${run.stderr}`).not.toContain('keep Castboard open');
    expect(gateway.posts).toBe(1);

    const info = await cli(['info', dir]);
    expect(info.stdout).toContain('Spent:      $0.05');
    expect(info.stdout).toContain('1 image paid for but unusable, panel 1');
  }, 60_000);

  it('an accepted async job stays pending: the next run collects its image without a new request', async () => {
    gateway = await startFakeGateway({ mode: 'async', latencyMs: 100 });
    const dir = await project();
    const run = await generateWithFullDisk(dir, gatewayEnv(gateway));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('0 images stored');
    expect(run.stderr).toContain('--collect');
    expect(`${run.stdout}${run.stderr}`).not.toContain('keep Castboard open');
    expect((await readProjectJson(dir)).pendingJobs).toHaveLength(1);

    const collect = await cli(['generate', dir, '--collect', '--yes'], { env: gatewayEnv(gateway) });
    expect(collect.code).toBe(0);
    expect(gateway.posts).toBe(1);
    const saved = await readProjectJson(dir);
    expect(saved.panels[0]?.takes).toHaveLength(1);
    expect(saved.pendingJobs).toEqual([]);
    expect((await cli(['info', dir])).stdout).toContain('Spent:      $0.05: 1 image stored ($0.05)');
  }, 60_000);
});
