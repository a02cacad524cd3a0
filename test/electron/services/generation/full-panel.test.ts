/**
 * A panel keeps at most PANEL_LIMITS.maxTakesPerPanel takes. A batch whose new takes would not fit
 * is refused before anything is sent: paid images that cannot be added to their panel could only
 * be held, never stored (and the project could not be closed while they were held).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PANEL_LIMITS } from '../../../../shared/domain/project-panel-options';
import type { Project } from '../../../../shared/domain/project';
import { fault, startFakeGateway } from '../../../fakes/gateway/fake-gateway';
import { cli, gatewayEnv, makeProject, tempDir as cliTempDir } from '../../cli/cli-kit';
import { gatewayWith, rig, settled, storyboard, tempDir, type Rig } from '../../main/support/app-rig';

const MAX = PANEL_LIMITS.maxTakesPerPanel;

/** The panel's one generated take, copied until the panel holds `count` takes. */
function withTakes(project: Project, count: number): Project {
  const [panel] = project.panels;
  const take = panel?.takes[0];
  if (!panel || !take) throw new Error('no take to copy');
  const takes = Array.from({ length: count }, (_, index) => ({ ...take, id: `copy-${index}` }));
  return { ...project, panels: [{ ...panel, takes, activeTakeId: 'copy-0' }] };
}

async function panelWithTakes(r: Rig, count: number) {
  const { root, project } = await storyboard(r, await tempDir(), 1);
  await r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 });
  await settled(r);
  // Main keeps the take it added (a renderer edit never drops one): copies make up the rest.
  await r.call('project:update', { project: withTakes(r.services.workspace.project(), count - 1), root });
  expect(r.services.workspace.project().panels[0]?.takes).toHaveLength(count);
  return project.panels[0]?.id;
}

describe('a panel with no room for the new takes', () => {
  it('the app refuses the estimate and the batch, naming the panel, and sends nothing', async () => {
    const gateway = await gatewayWith();
    const r = rig(gateway);
    const panelId = await panelWithTakes(r, MAX - 1);
    const postsBefore = gateway.posts;
    const refusal = { code: 'INVALID_REQUEST', message: expect.stringContaining(`Panel 1 has ${MAX - 1} takes`) };
    await expect(r.call('jobs:estimate', { panelIds: [panelId], variations: 2 })).rejects.toMatchObject(refusal);
    await expect(r.call('jobs:generate', { panelIds: [panelId], variations: 2 })).rejects.toMatchObject(refusal);
    expect(gateway.posts).toBe(postsBefore);

    // One more fits: generated and stored, and then the panel is full.
    await r.call('jobs:generate', { panelIds: [panelId], variations: 1 });
    await expect.poll(() => r.services.workspace.project().panels[0]?.takes.length, { timeout: 10_000 }).toBe(MAX);
    // The job ends just after its take is stored (its record settled and saved): not held, not busy.
    await expect.poll(() => r.services.generation.isBusy(), { timeout: 5_000 }).toBe(false);
    await expect(r.call('jobs:generate', { panelIds: [panelId], variations: 1 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  }, 30_000);

  it('castboard generate refuses before asking to pay', async () => {
    const gateway = await startFakeGateway();
    const temp = await cliTempDir();
    try {
      const dir = await makeProject(temp.dir, ['one']);
      expect((await cli(['generate', dir, '--yes'], { env: gatewayEnv(gateway) })).code).toBe(0);
      const file = path.join(dir, 'project.json');
      await writeFile(file, JSON.stringify(withTakes(JSON.parse(await readFile(file, 'utf8')) as Project, MAX - 1)));
      const run = await cli(['generate', dir, '--yes', '--variations', '2'], { env: gatewayEnv(gateway) });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(`Panel 1 has ${MAX - 1} takes`);
      expect(gateway.posts).toBe(1);
    } finally {
      await gateway.close();
      await temp.cleanup();
    }
  }, 60_000);
});

describe('an answer with more images than asked, on a panel with room for the images asked', () => {
  it('stores the images asked for (the panel fills up, nothing held), counted at what the gateway charged', async () => {
    const gateway = await gatewayWith();
    const r = rig(gateway);
    const panelId = await panelWithTakes(r, MAX - 1);
    const spentBefore = r.services.generation.snapshot().spentCents;
    gateway.script(fault.extraImages(3));
    await r.call('jobs:generate', { panelIds: [panelId], variations: 1 });
    await expect.poll(() => r.services.generation.snapshot().jobs.at(-1)?.state, { timeout: 10_000 }).toBe('done');
    expect(r.services.workspace.project().panels[0]?.takes).toHaveLength(MAX);
    expect(r.services.generation.heldImages()).toBe(0);
    expect(r.services.generation.snapshot().spentCents - spentBefore).toBe(20); // X-Cost-Cents for the 4 images sent
  }, 30_000);
});
