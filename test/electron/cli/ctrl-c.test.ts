/**
 * Ctrl-C on the real `castboard generate` (electron/cli/castboard.ts run by tsx as a child process,
 * a real SIGINT) once the fake gateway has received POSTs: the first Ctrl-C sends nothing new and
 * the run ends only after the images already paid for are stored, naming them; a second Ctrl-C
 * quits at once and names the panels that may have been paid for without an image. An image that
 * finishes after Ctrl-C on a panel that already had a take stays beside it, --activate or not (run
 * in-process with an abort signal, the same path as SIGINT, to time the stop on the gateway's POSTs).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGateway, type FakeGateway } from '../../fakes/gateway/fake-gateway';
import { cli, gatewayEnv, makeProject, readProjectJson, startCliProcess, tempDir, type CliProcess } from './cli-kit';

let gateway: FakeGateway | undefined;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await gateway?.close();
  await cleanup?.();
  gateway = undefined;
});

/** `generate --concurrency 2` on six panels, returned once the gateway has received both POSTs. */
async function generatingSix(latencyMs: number): Promise<{ project: string; run: CliProcess }> {
  gateway = await startFakeGateway({ latencyMs });
  const temp = await tempDir();
  cleanup = temp.cleanup;
  const project = await makeProject(temp.dir, ['one', 'two', 'three', 'four', 'five', 'six']);
  const run = startCliProcess(['generate', project, '--yes', '--concurrency', '2'], gatewayEnv(gateway));
  await expect.poll(() => gateway!.posts, { timeout: 20_000, interval: 25 }).toBe(2);
  return { project, run };
}

describe('castboard generate: Ctrl-C on the real process', () => {
  it('the first Ctrl-C waits for the requests in flight, stores their images and names them; nothing new is sent', async () => {
    const { project, run } = await generatingSix(2500);
    run.kill('SIGINT');
    const { code, stdout, stderr } = await run.done;

    expect(gateway!.posts).toBe(2);
    expect(stderr).toContain('Waiting for 2 requests already sent and paid for (panels 1, 2)');
    expect(stdout).toContain('Panel 1: 1 new take (finished after cancel: paid for, saved, on the board: the panel had no take)');
    expect(stdout).toContain('Panel 2: 1 new take (finished after cancel: paid for, saved, on the board: the panel had no take)');
    expect(stdout).toContain('Panel 3: cancelled (not sent, not charged)');
    expect(stdout).toContain('spent $0.10: 2 images stored ($0.10)');
    expect(code).toBe(1);
    const saved = await readProjectJson(project);
    expect(saved.panels.map((panel) => panel.takes.length)).toEqual([1, 1, 0, 0, 0, 0]);

    // Nothing paid is sent again: --missing asks only for the four panels never sent.
    const rest = startCliProcess(['generate', project, '--yes', '--missing'], gatewayEnv(gateway!));
    expect((await rest.done).code).toBe(0);
    expect(gateway!.posts).toBe(6);
    expect((await readProjectJson(project)).panels.map((panel) => panel.takes.length)).toEqual([1, 1, 1, 1, 1, 1]);
  }, 60_000);

  it('a second Ctrl-C quits at once and names the panels that may have been paid for without an image', async () => {
    const { project, run } = await generatingSix(20_000);
    run.kill('SIGINT');
    await expect.poll(() => gateway!.posts, { timeout: 1000 }).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const quitAt = Date.now();
    run.kill('SIGINT');
    const { code, stderr } = await run.done;
    expect(Date.now() - quitAt).toBeLessThan(5000); // not the 20 s the renders take
    expect(code).toBe(130);
    expect(stderr).toContain('Quit at once. Panels that may have been paid for without an image: 1, 2.');
    // The project remembers them: the next session's spend counts them as of unknown outcome.
    const info = await cli(['info', project]);
    expect(info.stdout).toContain('Spent:      $0.10');
    expect(info.stdout).toContain('2 requests of unknown outcome, may have been charged ($0.10)');
  }, 60_000);

  // --activate asks for new images on the board, but not for ones that finished after the artist stopped the batch.
  it.each([
    { how: 'without --activate', flags: [] as string[] },
    { how: 'with --activate', flags: ['--activate'] },
  ])('an image finished after Ctrl-C is saved beside the take on the board, which stays on the board ($how)', async ({ flags }) => {
    gateway = await startFakeGateway({ latencyMs: 1500 });
    const temp = await tempDir();
    cleanup = temp.cleanup;
    const project = await makeProject(temp.dir, ['one']);
    expect((await cli(['generate', project, '--yes'], { env: gatewayEnv(gateway) })).code).toBe(0);
    const onBoard = (await readProjectJson(project)).panels[0]?.activeTakeId;
    const interrupt = new AbortController();
    const run = cli(['generate', project, '--yes', ...flags], { env: gatewayEnv(gateway), signal: interrupt.signal });
    await expect.poll(() => gateway!.posts, { timeout: 20_000, interval: 25 }).toBe(2);
    interrupt.abort();
    const { code, stdout, stderr } = await run;
    expect(code).toBe(0); // the one panel asked for got its image
    expect(stdout).toContain('Panel 1: 1 new take (finished after cancel: paid for, saved, not on the board: the panel keeps the take it showed)');
    expect(stderr).toContain('Requests already sent were finished and saved (paid for; put on the board only where a panel had no take).');
    const panel = (await readProjectJson(project)).panels[0];
    expect(panel?.takes).toHaveLength(2);
    expect(panel?.activeTakeId).toBe(onBoard);
  }, 30_000);
});
