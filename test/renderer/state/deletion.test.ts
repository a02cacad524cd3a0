/**
 * Deleting panels through the real store over the fake transport: the deletion is one undo step,
 * its notice's Undo acts only while the deletion is the last step, and the deleted panel (with
 * its takes) reaches main in `recentlyDeleted`, from where it is restored in place.
 */
import { describe, expect, it } from 'vitest';
import { ProjectSchema } from '../../../shared/domain/project';
import { openKit, panelIds, sampleProject } from '../store-kit';

async function flushed(kit: Awaited<ReturnType<typeof openKit>>): Promise<void> {
  await kit.store.sync.flush();
}

describe('deleting panels', () => {
  it('keeps the deleted panel with its takes in the project main saves, and restores it in place', async () => {
    const kit = await openKit(sampleProject(3, [0, 2, 0]));
    const { store } = kit;
    store.getState().deletePanels(['p2']);
    expect(panelIds(store)).toEqual(['p1', 'p3']);
    await flushed(kit);
    const saved = ProjectSchema.parse(kit.main.project);
    expect(saved.recentlyDeleted?.map((entry) => [entry.panel.id, entry.index, entry.panel.takes.length, entry.panel.activeTakeId])).toEqual([['p2', 1, 2, 'p2-t1']]);

    store.getState().restoreDeletedPanel('p2');
    expect(panelIds(store)).toEqual(['p1', 'p2', 'p3']);
    expect(store.getState().focusedId).toBe('p2');
    await flushed(kit);
    const restored = ProjectSchema.parse(kit.main.project);
    expect(restored.panels[1]?.takes.map((take) => take.id)).toEqual(['p2-t1', 'p2-t2']);
    expect(restored.recentlyDeleted).toEqual([]);
  });

  it('opens a project with recently deleted panels and restores one after a featured character was removed', async () => {
    const kit = await openKit(sampleProject(2, [1, 1]));
    const { store } = kit;
    store.getState().deletePanels(['p1']);
    store.getState().deleteCharacter('char-1');
    await flushed(kit);
    const reopened = await openKit(ProjectSchema.parse(kit.main.project));
    expect(reopened.store.getState().takesByPanel.p1?.map((take) => take.id)).toEqual(['p1-t1']);
    reopened.store.getState().restoreDeletedPanel('p1');
    const panel = reopened.store.getState().doc?.panels[0];
    expect(panel).toMatchObject({ id: 'p1', characterId: null, activeTakeId: 'p1-t1' });
    await flushed(reopened);
    expect(ProjectSchema.parse(reopened.main.project).panels[0]?.takes).toHaveLength(1);
  });

  it("offers Undo delete only while the deletion is the last step, so it never undoes another edit", async () => {
    const { store } = await openKit(sampleProject(3, [1, 1, 1]));
    store.getState().deletePanels(['p2']);
    store.getState().showNotice('Panel 2 deleted', store.getState().doc);
    store.getState().updatePanel('p1', { cameraMovement: 'PAN' });
    expect(store.getState().notice).toBeNull();
    store.getState().undoDeletion();
    expect(store.getState().doc?.panels[0]?.cameraMovement).toBe('PAN');
    expect(panelIds(store)).toEqual(['p1', 'p3']);

    store.getState().undo();
    store.getState().deletePanels(['p3']);
    store.getState().showNotice('Panel 2 deleted', store.getState().doc);
    store.getState().undoDeletion();
    expect(panelIds(store)).toEqual(['p1', 'p3']);
    expect(store.getState().notice).toBeNull();
  });
});
