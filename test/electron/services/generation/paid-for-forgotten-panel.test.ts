/**
 * A paid result for a panel that is neither on the board nor in Recently deleted (it fell off the
 * bounded list, or a damaged file lost it) is kept: main puts it in a new Recently deleted entry
 * the artist can restore. And a full list never pushes out a deleted panel with paid takes while
 * entries without takes could go instead.
 */
import { describe, expect, it } from 'vitest';
import { MAX_RECENTLY_DELETED } from '../../../../shared/domain/project-document';
import type { Project } from '../../../../shared/domain/project';
import { deletePanels, restoreDeletedPanel } from '../../../../renderer/state/doc-edits';
import { gatewayWith, onDisk, rig, settled, storyboard, tempDir, type Rig } from '../../main/support/app-rig';

/** Deletes the panels as the board does (renderer edit), and sends the result to main. */
async function deleteOnBoard(r: Rig, root: string, panelIds: string[]): Promise<void> {
  await r.call('project:update', { project: deletePanels(r.services.workspace.project(), panelIds), root });
}

const idsFrom = (project: Project, from: number) => project.panels.slice(from).map((panel) => panel.id);

describe('a paid job collected for a panel pushed out of Recently deleted', () => {
  it('keeps its take in a new Recently deleted entry that restores, on disk too', async () => {
    const gateway = await gatewayWith({ mode: 'async', latencyMs: 1500 });
    const store: Record<string, unknown> = {};
    const first = rig(gateway, store);
    const { root, project } = await storyboard(first, await tempDir(), MAX_RECENTLY_DELETED + 1);
    const panelId = project.panels[0]?.id ?? '';
    const character = project.characters[0];
    await first.call('jobs:generate', { panelIds: [panelId], variations: 1 });
    await expect.poll(async () => (await onDisk(root)).pendingJobs.length, { timeout: 10_000 }).toBe(1);

    // The panel is deleted, then MAX more push it out of Recently deleted (it holds no take yet).
    await deleteOnBoard(first, root, [panelId]);
    await deleteOnBoard(first, root, idsFrom(first.services.workspace.project(), 0));
    expect(first.services.workspace.project().recentlyDeleted?.some((entry) => entry.panel.id === panelId)).toBe(false);
    first.services.generation.dispose();
    await first.services.workspace.close();

    // Reopened: the accepted job is collected.
    const app = rig(gateway, store);
    await app.call('project:openRecent', { path: root });
    await expect.poll(() => app.services.generation.snapshot().jobs.map((job) => job.state), { timeout: 20_000 }).toEqual(['done']);
    const kept = app.services.workspace.project().recentlyDeleted ?? [];
    expect(kept).toHaveLength(MAX_RECENTLY_DELETED);
    const entry = kept.find((candidate) => candidate.panel.id === panelId);
    expect(entry?.panel.takes).toHaveLength(1);
    const take = entry?.panel.takes[0];
    expect(entry?.panel).toMatchObject({ scenePrompt: take?.prompt, characterId: character?.id, activeTakeId: take?.id });
    // The renderer is told about the entry, so Recently deleted shows it at once.
    expect(app.events.find((event) => event.event === 'project:takesAdded')?.payload).toMatchObject({ panelId, deleted: { panel: { id: panelId } } });
    await app.call('project:save');
    expect((await onDisk(root)).recentlyDeleted?.find((candidate) => candidate.panel.id === panelId)?.panel.takes).toEqual([take]);

    // Restore (the Recently deleted button's edit): the panel is back on the board, showing the take.
    await app.call('project:update', { project: restoreDeletedPanel(app.services.workspace.project(), panelId), root });
    await app.call('project:save');
    const saved = await onDisk(root);
    expect(saved.panels.map((panel) => panel.id)).toEqual([panelId]);
    expect(saved.panels[0]).toMatchObject({ takes: [take], activeTakeId: take?.id });
    expect(gateway.posts).toBe(1);
  }, 60_000);
});

describe('edits the renderer made before paid takes arrived', () => {
  it('a generate that finishes after its panel fell off Recently deleted keeps its take through a stale edit', async () => {
    const gateway = await gatewayWith({ latencyMs: 1500 });
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), MAX_RECENTLY_DELETED + 1);
    const panelId = project.panels[0]?.id ?? '';
    await r.call('jobs:generate', { panelIds: [panelId], variations: 1 });
    await deleteOnBoard(r, root, [panelId]);
    await deleteOnBoard(r, root, idsFrom(r.services.workspace.project(), 0));
    const stale = r.services.workspace.project();
    await settled(r);
    expect(r.services.workspace.project().recentlyDeleted?.find((entry) => entry.panel.id === panelId)?.panel.takes).toHaveLength(1);
    // The renderer's next edit was composed before it heard of the new entry: main keeps it.
    await r.call('project:update', { project: { ...stale, title: 'Night Market, act 2' }, root });
    await r.call('project:save');
    const saved = await onDisk(root);
    expect(saved.title).toBe('Night Market, act 2');
    expect(saved.recentlyDeleted).toHaveLength(MAX_RECENTLY_DELETED);
    expect(saved.recentlyDeleted?.find((entry) => entry.panel.id === panelId)?.panel.takes).toHaveLength(1);
  }, 30_000);

  it('a panel deleted while its take was being stored keeps the take in Recently deleted', async () => {
    const gateway = await gatewayWith({ latencyMs: 1000 });
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 2);
    const panelId = project.panels[0]?.id ?? '';
    const before = r.services.workspace.project();
    await r.call('jobs:generate', { panelIds: [panelId], variations: 1 });
    await settled(r);
    expect(r.services.workspace.project().panels[0]?.takes).toHaveLength(1);
    // The deletion was made on the board before the take reached the renderer.
    await r.call('project:update', { project: deletePanels(before, [panelId]), root });
    await r.call('project:save');
    const entry = (await onDisk(root)).recentlyDeleted?.find((candidate) => candidate.panel.id === panelId);
    expect(entry?.panel.takes).toHaveLength(1);
    expect(entry?.panel.activeTakeId).toBe(entry?.panel.takes[0]?.id);
  }, 30_000);

  it('a deleted panel restored on the board before its take reached the window keeps the take', async () => {
    const gateway = await gatewayWith({ latencyMs: 1000 });
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 2);
    const panelId = project.panels[0]?.id ?? '';
    await r.call('jobs:generate', { panelIds: [panelId], variations: 1 });
    await deleteOnBoard(r, root, [panelId]);
    // The window restores the panel from a copy made before main added the take to its entry.
    const beforeTake = r.services.workspace.project();
    await settled(r);
    expect(r.services.workspace.project().recentlyDeleted?.[0]?.panel.takes).toHaveLength(1);
    await r.call('project:update', { project: restoreDeletedPanel(beforeTake, panelId), root });
    await r.call('project:save');
    const saved = await onDisk(root);
    const restored = saved.panels.find((panel) => panel.id === panelId);
    expect(restored?.takes).toHaveLength(1);
    expect(restored?.activeTakeId).toBe(restored?.takes[0]?.id);
    expect(saved.recentlyDeleted?.some((entry) => entry.panel.id === panelId) ?? false).toBe(false);
  }, 30_000);
});

describe('Recently deleted when it is full', () => {
  it('pushes out deleted panels without takes before one with a paid take', async () => {
    const gateway = await gatewayWith();
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), MAX_RECENTLY_DELETED + 2);
    const paid = project.panels[0]?.id ?? '';
    await r.call('jobs:generate', { panelIds: [paid], variations: 1 });
    await settled(r);
    await deleteOnBoard(r, root, [paid]);
    // MAX more deletions, one at a time as an artist would, overflow the list.
    for (const id of idsFrom(project, 1).slice(0, MAX_RECENTLY_DELETED)) await deleteOnBoard(r, root, [id]);
    await r.call('project:save');
    const saved = await onDisk(root);
    expect(saved.recentlyDeleted).toHaveLength(MAX_RECENTLY_DELETED);
    expect(saved.recentlyDeleted?.find((entry) => entry.panel.id === paid)?.panel.takes).toHaveLength(1);
    // The panel deleted first among those without takes is the one that fell off.
    expect(saved.recentlyDeleted?.some((entry) => entry.panel.id === project.panels[1]?.id)).toBe(false);
  }, 60_000);
});
