/**
 * The consistency channel wired as in the app (real services, dispatcher, fake gateway over
 * HTTP, the real worker and model): takes generated from the character's photo check as
 * consistent with progress pushed; with "check new takes" on, new takes are checked without
 * being asked and the outcome is pushed; with it off (the default), nothing runs. The outcomes are
 * kept in the project's cache/ folder and answered again when it is reopened.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TakeConsistency } from '../../../shared/domain/consistency';
import { createCharacter, createPanel } from '../../../shared/domain/project-edit';
import type { Project } from '../../../shared/domain/project';
import { portrait } from '../services/consistency/sample-faces';
import { gatewayWith, rig, settled, tempDir, type Rig } from './support/app-rig';

let current: Rig | undefined;
afterEach(async () => {
  await current?.services.consistency.close();
  current = undefined;
});

/** A project whose character reference is a real portrait, with `count` panels featuring her. */
async function faceStoryboard(r: Rig, count: number): Promise<Project> {
  r.dialogs.script('chooseFolder', await tempDir());
  const opened = (await r.call('project:create', { title: 'Faces', aspectRatio: '16:9' })) as { root: string; project: Project };
  const reference = (await r.call('project:importImage', { source: 'bytes', base64: (await portrait('ada')).toString('base64') })) as { image: string };
  const character = createCharacter({ name: 'Ada', referenceImage: reference.image });
  const panels = Array.from({ length: count }, (_, index) => createPanel({ scenePrompt: `Ada, beat ${index + 1}`, shotType: 'CU', characterId: character.id }));
  const project = { ...opened.project, characters: [character], panels };
  await r.call('project:update', { project, root: opened.root });
  return project;
}

const pushed = (r: Rig, event: string) => r.events.filter((e) => e.event === event).map((e) => e.payload);

// The model is real and the machine may be busy: a check of a few images can take tens of seconds.
describe('consistency channels', { timeout: 120_000 }, () => {
  it('checks the open project on request and pushes progress', async () => {
    const r = (current = rig(await gatewayWith()));
    const project = await faceStoryboard(r, 2);
    await r.call('jobs:generate', { panelIds: project.panels.map((panel) => panel.id), variations: 1 });
    await settled(r);
    expect(pushed(r, 'consistency:results')).toEqual([]);

    const { results } = (await r.call('consistency:check', {})) as { results: TakeConsistency[] };
    expect(results.map((result) => result.status)).toEqual(['consistent', 'consistent']);
    expect(pushed(r, 'consistency:progress')).toEqual([{ done: 1, total: 2 }, { done: 2, total: 2 }]);
    await expect(r.call('consistency:check', { threshold: 5 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('keeps the last outcomes with the project: reopened after a restart they come back without a check; a damaged file is ignored', async () => {
    const gateway = await gatewayWith();
    const store: Record<string, unknown> = {};
    const r = (current = rig(gateway, store));
    const project = await faceStoryboard(r, 2);
    await r.call('jobs:generate', { panelIds: project.panels.map((panel) => panel.id), variations: 1 });
    await settled(r);
    const { results } = (await r.call('consistency:check', {})) as { results: TakeConsistency[] };
    expect(results.map((result) => result.reference)).toEqual([project.characters[0]!.referenceImage, project.characters[0]!.referenceImage]);
    const root = r.services.workspace.root()!;
    await r.call('project:close');
    await r.services.consistency.close();

    const restarted = (current = rig(gateway, store)); // the app started again, nothing in memory
    await restarted.call('project:openRecent', { path: root });
    expect(await restarted.call('consistency:saved')).toEqual({ results });
    expect(pushed(restarted, 'consistency:progress')).toEqual([]); // nothing was checked again

    await restarted.call('project:close');
    await writeFile(path.join(root, 'cache', 'consistency.json'), '{"format":1,"results":[{"panelId":');
    await restarted.call('project:openRecent', { path: root });
    expect(await restarted.call('consistency:saved')).toEqual({ results: [] });
    // A check of one panel is kept again, and a check of another adds to it instead of replacing it.
    const second = (await restarted.call('consistency:check', { panelIds: [project.panels[1]!.id] })) as { results: TakeConsistency[] };
    expect(await restarted.call('consistency:saved')).toEqual(second);
    const first = (await restarted.call('consistency:check', { panelIds: [project.panels[0]!.id] })) as { results: TakeConsistency[] };
    expect(await restarted.call('consistency:saved')).toEqual({ results: [...second.results, ...first.results] });
  });

  it('checks new takes in the background when the artist turned it on', async () => {
    const r = (current = rig(await gatewayWith()));
    r.services.settings.update({ checkNewTakes: true });
    const project = await faceStoryboard(r, 1);
    await r.call('jobs:generate', { panelIds: [project.panels[0]!.id], variations: 2 });
    await settled(r);
    await expect.poll(() => pushed(r, 'consistency:results').length, { timeout: 60_000 }).toBeGreaterThan(0);
    const results = pushed(r, 'consistency:results').flatMap((payload) => (payload as { results: TakeConsistency[] }).results);
    const takeIds = r.services.workspace.project().panels[0]!.takes.map((take) => take.id);
    expect(results.map((result) => result.takeId).sort()).toEqual([...takeIds].sort());
    for (const result of results) expect(result.status).toBe('consistent');
  });
});
