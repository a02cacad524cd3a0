/**
 * `castboard generate` killed (SIGKILL: no handler runs) after its requests reached the gateway
 * and before their answers came back. The requests may have been charged, and nothing can collect
 * their images later (a synchronous gateway gives no job id): the project must still count them,
 * so `castboard info` reports what may have been paid.
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

describe('castboard generate killed while its requests are at the gateway', () => {
  it('the project still counts them as of unknown outcome; a finished run leaves no such record', async () => {
    gateway = await startFakeGateway({ latencyMs: 20_000 });
    const temp = await tempDir();
    cleanup = temp.cleanup;
    const project = await makeProject(temp.dir, ['one', 'two', 'three']);
    const child = startCliProcess(['generate', project, '--yes', '--concurrency', '2'], gatewayEnv(gateway));
    await expect.poll(() => gateway!.posts, { timeout: 20_000, interval: 25 }).toBe(2);
    child.kill('SIGKILL');
    await child.done;

    const info = await cli(['info', project]);
    expect(info.stdout).toContain('Spent:      $0.10');
    expect(info.stdout).toContain('2 requests of unknown outcome, may have been charged ($0.10)');
    expect((await readProjectJson(project)).panels.map((panel) => panel.takes.length)).toEqual([0, 0, 0]);

    // A run that finishes records nothing beyond its takes: the killed run's two requests stay.
    const fast = await startFakeGateway();
    try {
      expect((await cli(['generate', project, '--yes'], { env: gatewayEnv(fast) })).code).toBe(0);
    } finally {
      await fast.close();
    }
    const after = await cli(['info', project]);
    expect(after.stdout).toContain('Spent:      $0.25');
    expect(after.stdout).toContain('2 requests of unknown outcome, may have been charged ($0.10)');
    expect((await readProjectJson(project)).panels.map((panel) => panel.takes.length)).toEqual([1, 1, 1]);
  }, 60_000);
});
