import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fault } from '../../fakes/gateway/fake-faults';
import { startFakeGateway, type FakeGateway } from '../../fakes/gateway/fake-gateway';
import { withOpenProject } from '../../../electron/cli/cli-project';
import { NO_SCENE_REASON } from '../../../electron/cli/panel-skips';
import { createCharacter } from '../../../shared/domain/project-edit';
import { openProject } from '../../../electron/services/project/project-open';
import { cli, gatewayEnv, imageRequests, makeProject, readProjectJson, snapshotTree, useCliFixture, writeReferencePng } from './cli-kit';

const fixture = useCliFixture();
let gateway: FakeGateway;
let dir: string;
beforeEach(() => {
  ({ gateway, dir } = fixture);
});

describe('castboard generate: consent before spending', () => {
  it('--dry-run prints the count and cost, needs no key and sends nothing', async () => {
    const project = await makeProject(dir, ['a', 'b', 'c']);
    const result = await cli(['generate', project, '--panels', '1,3', '--variations', '2', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Would generate 4 images (2 panels, 2 variations each) for $0.20 at $0.05 per image. Nothing was sent.');
    const json = await cli(['generate', project, '--dry-run', '--json']);
    const parsed = JSON.parse(json.stdout) as { requests: Array<{ panel: number; body: { n: number } }> };
    expect(parsed).toEqual({ dryRun: true, kind: 'generate', panels: [1, 2, 3], images: 3, cents: 15, pendingJobs: 0, skipped: [], requests: expect.any(Array) });
    expect(parsed.requests.map((request) => [request.panel, request.body.n])).toEqual([[1, 1], [2, 1], [3, 1]]);
    expect(gateway.requests).toHaveLength(0);
  });

  it('--dry-run reads without the lock: works while the project is open in a window or another command, with a note, and writes nothing', async () => {
    const project = await makeProject(dir, ['a', 'b']);
    const quiet = { stdout: () => undefined, stderr: () => undefined, env: {} };
    const byCommand = await withOpenProject(quiet, project, () => cli(['generate', project, '--dry-run']));
    expect(byCommand.code).toBe(0);
    expect(byCommand.stdout).toBe('Would generate 2 images (one per panel) for $0.10 at $0.05 per image. Nothing was sent.');
    expect(byCommand.stderr).toBe(`Note: this project is open in another castboard command (pid ${process.pid}) on this computer, so these numbers may change before you run the command for real.`);

    const window = await openProject(project, { autosaveDelayMs: null });
    const before = await snapshotTree(project);
    const byWindow = await cli(['generate', project, '--dry-run', '--json']);
    const after = await snapshotTree(project);
    await window.close({ save: false });
    expect(byWindow.code).toBe(0);
    expect(JSON.parse(byWindow.stdout)).toMatchObject({ panels: [1, 2], images: 2 });
    expect(byWindow.stderr).toContain('open in a Castboard window on this computer');
    expect(after).toEqual(before);
    expect(gateway.requests).toHaveLength(0);

    const real = await withOpenProject(quiet, project, () => cli(['generate', project, '--yes'], { env: gatewayEnv(gateway) }));
    expect(real.code).toBe(1); // a run that would write still needs the lock
    expect(real.stderr).toContain('already open in another castboard command');
    expect(gateway.requests).toHaveLength(0);
  });

  it('refuses with exit 2 when nobody can be asked and --yes is missing', async () => {
    const project = await makeProject(dir, ['a', 'b']);
    const before = await snapshotTree(project);
    const result = await cli(['generate', project], { env: gatewayEnv(gateway) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('This would request 2 images (one per panel) for $0.10. Nothing was sent: pass --yes');
    expect(gateway.requests).toHaveLength(0);
    expect(await snapshotTree(project)).toEqual(before);
  });

  it('asks on the terminal: "n" sends nothing (exit 1), "y" generates', async () => {
    const project = await makeProject(dir, ['a']);
    const no = await cli(['generate', project], { env: gatewayEnv(gateway), typed: 'n\n' });
    expect(no.code).toBe(1);
    expect(no.stderr).toContain('Generate 1 image (one per panel) for $0.05? [y/N]');
    expect(no.stderr).toContain('nothing was charged');
    expect(gateway.requests).toHaveLength(0);

    const yes = await cli(['generate', project], { env: gatewayEnv(gateway), typed: 'y\n' });
    expect(yes.code).toBe(0);
    expect(imageRequests(gateway)).toHaveLength(1);
  });

  it('exits 2 without AIGATEWAY_API_KEY, naming the variable', async () => {
    const project = await makeProject(dir, ['a']);
    const result = await cli(['generate', project, '--yes'], { env: { AIGATEWAY_BASE_URL: gateway.url } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('export AIGATEWAY_API_KEY');
  });

  it.each([
    [['--panels', '4'], 'There is no panel 4: this project has panels 1-3'],
    [['--panels', '1', '--missing'], 'either --panels or --missing'],
    [['--variations', '5'], '--variations must be a whole number from 1 to 4'],
    [['--concurrency', '0'], '--concurrency must be a whole number from 1 to 32'],
  ])('exits 2 on %j before anything is sent', async (extra, message) => {
    const project = await makeProject(dir, ['a', 'b', 'c']);
    const result = await cli(['generate', project, '--yes', ...extra], { env: gatewayEnv(gateway) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(gateway.requests).toHaveLength(0);
  });

  /** Panels a, b, an imported rough sketch with no scene (panel 3), d: made with the CLI itself. */
  async function projectWithScenelessSketch(): Promise<string> {
    const project = await makeProject(dir, ['a', 'b']);
    const sketch = await writeReferencePng(path.join(dir, 'rough.png'));
    expect((await cli(['panel', 'add', project, '--image', sketch])).code).toBe(0);
    expect((await cli(['panel', 'add', project, '--scene', 'd'])).code).toBe(0);
    return project;
  }

  it('without --panels, leaves out a panel without a scene (named, with why) and prices and sends only the others', async () => {
    const project = await projectWithScenelessSketch();
    const dry = await cli(['generate', project, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toBe(`Panel 3 skipped. ${NO_SCENE_REASON}`);
    expect(JSON.parse(dry.stdout)).toMatchObject({ panels: [1, 2, 4], images: 3, cents: 15, skipped: [{ panel: 3, reason: NO_SCENE_REASON }] });

    const asked = await cli(['generate', project], { env: gatewayEnv(gateway), typed: 'n\n' });
    expect(asked.stderr).toContain('Panel 3 skipped. No scene description');
    expect(asked.stderr).toContain('Generate 3 images (one per panel) for $0.15? [y/N]');

    const result = await cli(['generate', project, '--yes'], { env: gatewayEnv(gateway) });
    expect(result.code).toBe(0);
    expect(imageRequests(gateway).map((request) => (request.body as { prompt: string }).prompt.length > 0)).toEqual([true, true, true]);
    expect((await readProjectJson(project)).panels.map((panel) => panel.takes.length)).toEqual([1, 1, 1, 1]); // panel 3 keeps only its sketch
  });

  it('a panel without a scene named in --panels is an error naming it: nothing sent, nothing written (exit 2)', async () => {
    const project = await projectWithScenelessSketch();
    const before = await snapshotTree(project);
    const result = await cli(['generate', project, '--panels', '2-4', '--yes'], { env: gatewayEnv(gateway) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Panel 3 has no scene description (the image prompt), so it cannot be generated. Nothing was sent and nothing was charged.');
    expect(gateway.requests).toHaveLength(0);
    expect(await snapshotTree(project)).toEqual(before);
  });
});

describe('castboard generate: characters without a reference image', () => {
  /** `init` with a character but no image, then panels a and b: made with the CLI itself. */
  async function projectWithoutReference(): Promise<string> {
    const project = path.join(dir, 'unreferenced');
    expect((await cli(['init', project, '--title', 'The Lighthouse', '--character-name', 'Mara'])).code).toBe(0);
    for (const scene of ['a', 'b']) expect((await cli(['panel', 'add', project, '--scene', scene])).code).toBe(0);
    return project;
  }

  it('without --panels, leaves out panels whose character has no reference image, says which and why, and sends nothing for them', async () => {
    const project = await projectWithoutReference();
    const line = `Panels 1 and 2 skipped. No reference image for Mara: Ideogram Character draws each panel's character from its reference image. To add one, run castboard character set ${project} --character "Mara" --image <file>.`;
    const dry = await cli(['generate', project, '--dry-run', '--json']);
    expect(dry.stderr.split('\n')[0]).toBe(line);
    const result = await cli(['generate', project, '--yes'], { env: gatewayEnv(gateway) });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${line}\nNone of the chosen panels can be generated: nothing was sent and nothing was charged.`);
    expect(gateway.requests).toHaveLength(0);

    // The fix it names works: with the image, both panels are generated.
    const image = await writeReferencePng(path.join(dir, 'mara.png'));
    expect((await cli(['character', 'set', project, '--character', 'Mara', '--image', image])).code).toBe(0);
    expect((await cli(['generate', project, '--yes'], { env: gatewayEnv(gateway) })).code).toBe(0);
    expect(imageRequests(gateway)).toHaveLength(2);
  });

  it('a panel whose character has no reference image named in --panels is an error naming it: nothing sent, nothing written (exit 2)', async () => {
    const project = await projectWithoutReference();
    const before = await snapshotTree(project);
    const result = await cli(['generate', project, '--panels', '2', '--yes'], { env: gatewayEnv(gateway) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Panel 2 features Mara, who has no reference image yet, so it cannot be generated (Ideogram Character draws the character from it). Nothing was sent and nothing was charged. To add one, run castboard character set ${project} --character "Mara" --image <file>; or leave it out of --panels.`);
    expect(gateway.requests).toHaveLength(0);
    expect(await snapshotTree(project)).toEqual(before);
  });

  it('sends the panels whose character has a reference image and skips the one whose character has none', async () => {
    const project = await makeProject(dir, ['a', 'b', 'c']);
    // A second character cast in the app (its own functions), without a reference image yet, on panel 3.
    const session = await openProject(project, { autosaveDelayMs: null });
    const ivo = createCharacter({ name: 'Ivo' });
    const doc = session.project;
    session.update({ ...doc, characters: [...doc.characters, ivo], panels: doc.panels.map((panel, index) => (index === 2 ? { ...panel, characterId: ivo.id } : panel)) });
    await session.close({ save: true });

    const dry = await cli(['generate', project, '--dry-run', '--json']);
    const reason = `No reference image for Ivo: Ideogram Character draws each panel's character from its reference image. To add one, run castboard character set ${project} --character "Ivo" --image <file>.`;
    expect(dry.stderr.split('\n')[0]).toBe(`Panel 3 skipped. ${reason}`);
    expect(JSON.parse(dry.stdout)).toMatchObject({ panels: [1, 2], images: 2, cents: 10, skipped: [{ panel: 3, reason }] });
    const result = await cli(['generate', project, '--yes'], { env: gatewayEnv(gateway) });
    expect(result.code).toBe(0);
    expect(imageRequests(gateway)).toHaveLength(2);
    expect((await readProjectJson(project)).panels.map((panel) => panel.takes.length)).toEqual([1, 1, 0]);

    // The command it names works: Ivo gets the image (Mara keeps hers), then panel 3 is generated.
    const image = await writeReferencePng(path.join(dir, 'ivo.png'));
    expect((await cli(['character', 'set', project, '--character', 'Ivo', '--image', image])).code).toBe(0);
    const missing = await cli(['generate', project, '--missing', '--yes'], { env: gatewayEnv(gateway) });
    expect(missing).toMatchObject({ code: 0, stderr: expect.not.stringContaining('skipped') });
    expect(imageRequests(gateway)).toHaveLength(3);
    expect((await readProjectJson(project)).panels.map((panel) => panel.takes.length)).toEqual([1, 1, 1]);
  });
});

describe('castboard generate: running the batch', () => {
  it('generates the chosen panels, saves the takes and prints their files', async () => {
    const project = await makeProject(dir, ['a', 'b', 'c']);
    const result = await cli(['generate', project, '--panels', '1,3', '--variations', '2', '--yes', '--json'], { env: gatewayEnv(gateway) });
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { panels: Array<{ panel: number; status: string; takes: Array<{ image: string }> }>; images: number; spentCents: number };
    expect(printed.panels.map((row) => [row.panel, row.status, row.takes.length])).toEqual([[1, 'done', 2], [3, 'done', 2]]);
    expect(printed).toMatchObject({ images: 4, spentCents: 20 });
    const json = await readProjectJson(project);
    expect(json.panels.map((panel) => panel.takes.length)).toEqual([2, 0, 2]);
    expect(printed.panels[0]?.takes[0]?.image).toBe(path.join(project, json.panels[0]?.takes[0]?.image ?? ''));
    expect(imageRequests(gateway).every((request) => (request.body as { model: string }).model === 'ideogram/ideogram-character')).toBe(true);
  });

  it('--missing only generates panels without an image, and says when there are none', async () => {
    const project = await makeProject(dir, ['a', 'b']);
    await cli(['generate', project, '--panels', '2', '--yes'], { env: gatewayEnv(gateway) });
    gateway.reset();
    const result = await cli(['generate', project, '--missing', '--dry-run', '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ panels: [1], images: 1 });
    await cli(['generate', project, '--missing', '--yes'], { env: gatewayEnv(gateway) });
    const none = await cli(['generate', project, '--missing', '--yes'], { env: gatewayEnv(gateway) });
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('Every panel already has an image');
    expect(imageRequests(gateway)).toHaveLength(1);
  });

  it('stops on an empty wallet: finished panels are saved, exit 1 with the retry command', async () => {
    const project = await makeProject(dir, ['a', 'b', 'c']);
    gateway.setCredits(1);
    const result = await cli(['generate', project, '--yes', '--concurrency', '1'], { env: gatewayEnv(gateway) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('out of credits');
    expect(result.stderr).toContain(`The others are saved. To retry: castboard generate ${project} --panels 2,3 ...`);
    expect(result.stdout).toContain('Panel 1: 1 new take');
    expect((await readProjectJson(project)).panels.map((panel) => panel.takes.length)).toEqual([1, 0, 0]);
    gateway.setCredits(undefined);
  });

  it('stops on a rejected key and points at AIGATEWAY_API_KEY', async () => {
    const strict = await startFakeGateway({ apiKey: 'sk-the-right-one' });
    try {
      const project = await makeProject(dir, ['a', 'b']);
      const result = await cli(['generate', project, '--yes'], { env: { ...gatewayEnv(strict), AIGATEWAY_API_KEY: 'sk-wrong' } });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('The gateway rejected AIGATEWAY_API_KEY, so nothing more was sent.');
      expect(result.stderr).toContain('castboard check');
      expect((await readProjectJson(project)).panels.map((panel) => panel.takes.length)).toEqual([0, 0]);
    } finally {
      await strict.close();
    }
  });

  it('shows plain progress lines on a log and a redrawn bar on a terminal, never on stdout', async () => {
    const project = await makeProject(dir, ['a', 'b']);
    const plain = await cli(['generate', project, '--yes'], { env: gatewayEnv(gateway) });
    expect(plain.stderr).toContain('panel 1: done (1 image)');
    expect(plain.stderr).not.toContain('\r');
    const bar = await cli(['generate', project, '--yes'], { env: gatewayEnv(gateway), ttyStderr: true });
    expect(bar.stderr).toContain('\r\u001b[KGenerating [');
    expect(bar.stderr).toMatch(/Generating \[#+\] 2\/2/);
    expect(bar.stdout).not.toMatch(/Generating|\r/);
  });

  it('--activate shows the new take; without it a panel keeps its image', async () => {
    const project = await makeProject(dir, ['a']);
    await cli(['generate', project, '--yes'], { env: gatewayEnv(gateway) });
    const first = (await readProjectJson(project)).panels[0]?.activeTakeId;
    await cli(['generate', project, '--yes'], { env: gatewayEnv(gateway) });
    expect((await readProjectJson(project)).panels[0]?.activeTakeId).toBe(first);
    await cli(['generate', project, '--yes', '--activate'], { env: gatewayEnv(gateway) });
    const panel = (await readProjectJson(project)).panels[0];
    expect(panel?.activeTakeId).toBe(panel?.takes[2]?.id);
  });
});

describe('castboard generate: interrupted async jobs', () => {
  it('a second Ctrl-C keeps accepted jobs pending; the next run collects them without paying again', async () => {
    const asyncGateway = await startFakeGateway({ mode: 'async', jobPendingPolls: 0 });
    try {
      const project = await makeProject(dir, ['a']);
      const interrupt = new AbortController();
      const quit = new AbortController();
      const first = cli(['generate', project, '--yes'], { env: gatewayEnv(asyncGateway), signal: interrupt.signal, quit: quit.signal });
      // Quit once the accepted job id is saved in project.json (before the first poll, 3 s later).
      await expect.poll(async () => ((await readProjectJson(project)).pendingJobs as unknown[]).length, { timeout: 5000, interval: 50 }).toBe(1);
      interrupt.abort();
      quit.abort();
      const stopped = await first;
      expect(stopped.code).toBe(1);
      expect(stopped.stderr).toContain('Quit at once.');
      expect(stopped.stderr).toContain(`Jobs the gateway had accepted (panels 1) are collected by castboard generate ${project} --collect (or the next generate or restyle), never sent again.`);

      const info = await cli(['info', project]);
      expect(info.stdout).toContain(`1 job still pending, paid for (collect with castboard generate ${project} --collect;`);
      const dry = await cli(['generate', project, '--missing', '--dry-run']);
      expect(dry.stdout).toContain('1 job accepted in an earlier run will be collected');

      const second = await cli(['generate', project, '--missing', '--yes', '--json'], { env: gatewayEnv(asyncGateway) });
      expect(second.code).toBe(0);
      expect(JSON.parse(second.stdout)).toMatchObject({ panels: [{ panel: 1, status: 'done' }], images: 1 });
      expect(imageRequests(asyncGateway)).toHaveLength(1); // submitted once, collected by polling
      const json = await readProjectJson(project);
      expect(json.pendingJobs).toEqual([]);
      expect(json.panels[0]?.takes).toHaveLength(1);
    } finally {
      await asyncGateway.close();
    }
  });

  it('a job whose polls keep failing is reported kept (paid, never to resend), with the command that collects it; that command sends nothing new', async () => {
    const asyncGateway = await startFakeGateway({ mode: 'async', jobPendingPolls: 0 });
    try {
      const project = await makeProject(dir, ['a']);
      asyncGateway.script(fault.drop('poll'), fault.drop('poll'), fault.drop('poll'));
      const first = await cli(['generate', project, '--yes', '--json'], { env: gatewayEnv(asyncGateway) });
      expect(first.code).toBe(1);
      const report = JSON.parse(first.stdout) as { panels: Array<{ panel: number; status: string; code?: string; kept?: boolean; error?: string }>; kept: number[]; images: number; spentCents: number };
      expect(report).toMatchObject({ kept: [1], images: 0, spentCents: 0, panels: [{ panel: 1, status: 'failed', code: 'GATEWAY_JOB_KEPT', kept: true }] });
      // In CLI words: no Retry button, and the command that collects it, never --panels (that pays again).
      expect(report.panels[0]?.error).toContain('The job is paid for and kept in the project: the next castboard generate or castboard restyle on this project collects its image without sending anything new.');
      expect(report.panels[0]?.error).not.toContain('Retry');
      expect(first.stderr).toContain(`1 panel did not finish.\nPanel 1's job is paid for and kept in the project (the gateway still holds it). To collect its image without sending anything new: castboard generate ${project} --collect`);
      expect(first.stderr).not.toContain('To retry');
      expect(first.stderr).toContain("panel 1: job kept: The image service accepted this panel's job, but Castboard lost contact with it");
      expect((await readProjectJson(project)).pendingJobs).toHaveLength(1);
      expect(imageRequests(asyncGateway)).toHaveLength(1);

      const collect = await cli(['generate', project, '--collect'], { env: gatewayEnv(asyncGateway) });
      expect(collect.code).toBe(0);
      expect(collect.stdout).toContain('Panel 1: 1 new take');
      expect(imageRequests(asyncGateway)).toHaveLength(1); // collected by polling the same job, not sent again
      const json = await readProjectJson(project);
      expect(json.pendingJobs).toEqual([]);
      expect(json.panels[0]?.takes).toHaveLength(1);

      const nothing = await cli(['generate', project, '--collect'], { env: gatewayEnv(asyncGateway) });
      expect(nothing).toMatchObject({ code: 0, stderr: 'No job is waiting to be collected: nothing was sent and nothing was charged.' });
      expect((await cli(['generate', project, '--collect', '--panels', '1'])).code).toBe(2);
      expect(imageRequests(asyncGateway)).toHaveLength(1);
    } finally {
      await asyncGateway.close();
    }
  }, 40_000);

  it('--panels naming a panel whose paid job is kept collects that job instead of paying again', async () => {
    const asyncGateway = await startFakeGateway({ mode: 'async', jobPendingPolls: 0 });
    try {
      const project = await makeProject(dir, ['a']);
      asyncGateway.script(fault.drop('poll'), fault.drop('poll'), fault.drop('poll'));
      expect((await cli(['generate', project, '--yes'], { env: gatewayEnv(asyncGateway) })).code).toBe(1);
      expect(imageRequests(asyncGateway)).toHaveLength(1);

      const again = await cli(['generate', project, '--panels', '1', '--yes'], { env: gatewayEnv(asyncGateway) });
      expect(again.code).toBe(0);
      expect(again.stderr).toContain('Panel 1 has a paid job still at the gateway: collected by this run, not paid for again.');
      expect(imageRequests(asyncGateway)).toHaveLength(1);
      const json = await readProjectJson(project);
      expect(json.pendingJobs).toEqual([]);
      expect(json.panels[0]?.takes).toHaveLength(1);
    } finally {
      await asyncGateway.close();
    }
  }, 40_000);

  it('one Ctrl-C while an accepted job renders waits for it and keeps its image, shown since the panel had no take', async () => {
    const asyncGateway = await startFakeGateway({ mode: 'async', jobPendingPolls: 0 });
    try {
      const project = await makeProject(dir, ['a']);
      const interrupt = new AbortController();
      const first = cli(['generate', project, '--yes'], { env: gatewayEnv(asyncGateway), signal: interrupt.signal });
      await expect.poll(async () => ((await readProjectJson(project)).pendingJobs as unknown[]).length, { timeout: 5000, interval: 50 }).toBe(1);
      interrupt.abort();
      const stopped = await first;
      expect(stopped.stdout).toContain('Panel 1: 1 new take (finished after cancel: paid for, saved, on the board: the panel had no take)');
      expect(stopped.stderr).toContain('Stopped by Ctrl-C');
      const json = await readProjectJson(project);
      expect(json.pendingJobs).toEqual([]);
      // The panel had no take: the paid image is what it shows, not a hidden take behind "No take yet".
      const [kept] = (json.panels[0] as { takes: Array<{ id: string }> }).takes;
      expect(json.panels[0]).toMatchObject({ activeTakeId: kept?.id, takes: [{ note: 'finished after cancel' }] });
      const again = await cli(['generate', project, '--missing', '--yes'], { env: gatewayEnv(asyncGateway) });
      expect(again.stderr).toContain('nothing to generate');
      expect(imageRequests(asyncGateway)).toHaveLength(1);
    } finally {
      await asyncGateway.close();
    }
  });
});
