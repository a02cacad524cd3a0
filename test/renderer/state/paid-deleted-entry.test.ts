/**
 * Paid takes whose panel left the board and Recently deleted: main makes a new Recently deleted
 * entry and says so with the takes; the store shows it (through undo too) so the artist can
 * restore it. And deleting panels into a full list pushes out panels without takes first.
 */
import { describe, expect, it } from 'vitest';
import { ProjectSchema } from '../../../shared/domain/project';
import { MAX_RECENTLY_DELETED } from '../../../shared/domain/project-document';
import { addTakesToDeleted } from '../../../shared/domain/recently-deleted';
import { makeTake } from '../fake-project-backend';
import { openKit, panelIds, sampleProject } from '../store-kit';

describe('a new Recently deleted entry main made for paid takes', () => {
  it('is listed at once, stays through undo, and restores with its take', async () => {
    const kit = await openKit(sampleProject(2));
    const { store, emit } = kit;
    store.getState().updatePanel('p1', { dialogue: 'Wait!' });
    const take = makeTake('gone-t1', 7, { params: { character_reference_images: 1 } });
    // What main sends: the entry it made (shared/domain/recently-deleted.ts) for a panel it no longer knew.
    const { entry } = addTakesToDeleted(ProjectSchema.parse(kit.main.project), 'gone', [take], { deletedAt: new Date().toISOString() });
    emit('project:takesAdded', { panelId: 'gone', takes: [take], activeTakeId: null, deleted: entry });
    expect(store.getState().doc?.recentlyDeleted?.map((listed) => listed.panel.id)).toEqual(['gone']);
    expect(store.getState().takesByPanel.gone?.map((kept) => kept.id)).toEqual(['gone-t1']);

    store.getState().undo();
    expect(store.getState().doc?.panels[0]?.dialogue).toBe('');
    expect(store.getState().doc?.recentlyDeleted?.map((listed) => listed.panel.id)).toEqual(['gone']);

    store.getState().restoreDeletedPanel('gone');
    expect(panelIds(store)).toEqual(['p1', 'p2', 'gone']);
    await store.sync.flush();
    const saved = ProjectSchema.parse(kit.main.project);
    expect(saved.panels[2]).toMatchObject({ id: 'gone', scenePrompt: 'a prompt', takes: [take], activeTakeId: 'gone-t1' });
  });
});

describe('deleting panels when Recently deleted is full', () => {
  it('pushes out a panel without takes, never the older one with a paid take', async () => {
    const kit = await openKit(sampleProject(MAX_RECENTLY_DELETED + 2, [1]));
    const { store } = kit;
    store.getState().deletePanels(['p1']);
    store.getState().deletePanels(panelIds(store).slice(0, MAX_RECENTLY_DELETED));
    const listed = store.getState().doc?.recentlyDeleted?.map((entry) => entry.panel.id) ?? [];
    expect(listed).toHaveLength(MAX_RECENTLY_DELETED);
    expect(listed).toContain('p1');
    expect(listed).not.toContain('p2');
    await store.sync.flush();
    expect(ProjectSchema.parse(kit.main.project).recentlyDeleted?.find((entry) => entry.panel.id === 'p1')?.panel.takes).toHaveLength(1);
  });
});
