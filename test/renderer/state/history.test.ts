import { describe, expect, it } from 'vitest';
import { openKit, panelIds, sampleProject } from '../store-kit';

describe('undo history over the document', () => {
  it('opens a project with takes outside the document and no undo history', async () => {
    const { store } = await openKit(sampleProject(2, [2, 0]));
    const state = store.getState();
    expect(state.doc?.panels.every((panel) => panel.takes.length === 0)).toBe(true);
    expect(state.takesByPanel.p1?.map((take) => take.id)).toEqual(['p1-t1', 'p1-t2']);
    expect(state.doc?.panels[0]?.activeTakeId).toBe('p1-t1');
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('keeps a panel in the inspector across undo: the one before an undone add or duplicate, the first one an undone delete brings back', async () => {
    const { store } = await openKit(sampleProject(3));
    store.getState().selectPanel('p2');
    const added = store.getState().addPanel();
    expect(store.getState().focusedId).toBe(added);
    store.getState().undo();
    expect(store.getState().focusedId).toBe('p2');
    expect(store.getState().selectedIds).toEqual(['p2']);

    store.getState().duplicatePanels(['p3']);
    store.getState().undo();
    expect(store.getState().focusedId).toBe('p3');

    store.getState().deletePanels(['p1', 'p2', 'p3']);
    expect(store.getState().focusedId).toBeNull();
    store.getState().undo();
    expect(store.getState().focusedId).toBe('p1');

    // An undo step that leaves the shown panel in place keeps it.
    store.getState().selectPanel('p2');
    store.getState().updatePanel('p2', { notes: 'wet street' });
    store.getState().undo();
    expect(store.getState().focusedId).toBe('p2');
  });

  it('shows the panel an undo or redo changed when another one was shown, so no edit is undone out of sight', async () => {
    const { store } = await openKit(sampleProject(3));
    store.getState().selectPanel('p2');
    store.getState().updatePanel('p2', { cameraAngle: 'DUTCH' });
    store.getState().selectPanel('p3');
    store.getState().undo();
    expect(store.getState().doc?.panels[1]?.cameraAngle).not.toBe('DUTCH');
    expect(store.getState().focusedId).toBe('p2');
    store.getState().selectPanel('p1');
    store.getState().redo();
    expect(store.getState().doc?.panels[1]?.cameraAngle).toBe('DUTCH');
    expect(store.getState().focusedId).toBe('p2');
  });

  it('coalesces a burst of keystrokes in one field into one undo step', async () => {
    const { store, clock } = await openKit(sampleProject(1));
    for (const text of ['S', 'Sc', 'Sca', 'Scar', 'Scary']) {
      clock.advance(120);
      store.getState().updatePanel('p1', { scenePrompt: text });
    }
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    clock.advance(5000);
    store.getState().updatePanel('p1', { scenePrompt: 'Scary alley' });
    expect(store.temporal.getState().pastStates).toHaveLength(2);

    store.getState().undo();
    expect(store.getState().doc?.panels[0]?.scenePrompt).toBe('Scary');
    store.getState().undo();
    expect(store.getState().doc?.panels[0]?.scenePrompt).toBe('Scene 1');
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().doc?.panels[0]?.scenePrompt).toBe('Scary alley');
  });

  it('steps typed text like a text editor: a word or a line at a time, never a keystroke at a time', async () => {
    const { store, clock } = await openKit(sampleProject(1));
    const scene = () => store.getState().doc?.panels[0]?.scenePrompt;
    const steps = () => store.temporal.getState().pastStates.length;
    /** Types `text` at the end of the scene one key at a time, at a steady typing pace (no pause). */
    const type = (text: string) => {
      for (const key of text) {
        clock.advance(120);
        store.getState().updatePanel('p1', { scenePrompt: `${scene() ?? ''}${key}` });
      }
    };
    type(' at dawn.\nRain  falls');
    expect(steps()).toBe(4);
    store.getState().undo();
    expect(scene()).toBe('Scene 1 at dawn.\nRain');
    store.getState().undo();
    expect(scene()).toBe('Scene 1 at dawn.');
    store.getState().undo();
    expect(scene()).toBe('Scene 1 at');
    store.getState().redo();
    store.getState().redo();
    store.getState().redo();
    expect(scene()).toBe('Scene 1 at dawn.\nRain  falls');
  });

  it('starts a new step for another field, after blur and after undo', async () => {
    const { store, clock } = await openKit(sampleProject(1));
    store.getState().updatePanel('p1', { scenePrompt: 'a' });
    clock.advance(10);
    store.getState().updatePanel('p1', { dialogue: 'b' });
    expect(store.temporal.getState().pastStates).toHaveLength(2);
    clock.advance(10);
    store.getState().endTyping();
    store.getState().updatePanel('p1', { dialogue: 'bc' });
    expect(store.temporal.getState().pastStates).toHaveLength(3);
    store.getState().undo();
    clock.advance(10);
    store.getState().updatePanel('p1', { dialogue: 'bd' });
    expect(store.temporal.getState().pastStates).toHaveLength(3);
    expect(store.temporal.getState().futureStates).toHaveLength(0);
  });

  it('makes every discrete edit its own step, even in quick succession', async () => {
    const { store } = await openKit(sampleProject(2));
    store.getState().addPanel();
    store.getState().addPanel();
    store.getState().nudgePanels(['p1'], 1);
    expect(store.temporal.getState().pastStates).toHaveLength(3);
    const afterAll = panelIds(store);
    store.getState().undo();
    expect(panelIds(store)[0]).toBe('p1');
    store.getState().redo();
    expect(panelIds(store)).toEqual(afterAll);
  });

  it('never records selection, queue or save-status changes', async () => {
    const { store } = await openKit(sampleProject(3));
    store.getState().selectPanel('p2');
    store.getState().selectPanel('p3', 'toggle');
    store.getState().setGenerateOptions({ variations: 3 });
    store.getState().setSaveStatus({ state: 'saving', dirty: true, message: null, lastSavedAt: null, readOnlyReason: null });
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('undoes reorder, duplicate, delete, active-take choice and character edits', async () => {
    const { store, clock } = await openKit(sampleProject(3, [2, 0, 0]));
    const original = store.getState().doc;
    store.getState().movePanelsBefore(['p3'], 'p1');
    expect(panelIds(store)).toEqual(['p3', 'p1', 'p2']);
    store.getState().duplicatePanels(['p2']);
    const copy = panelIds(store)[3];
    expect(store.getState().doc?.panels[3]?.scenePrompt).toBe('Scene 2');
    expect(store.getState().selectedIds).toEqual([copy]);
    store.getState().setActiveTake('p1', 'p1-t2');
    store.getState().deletePanels(['p1']);
    clock.advance(10);
    store.getState().updateCharacter('char-1', { name: 'Mara Vance' });
    expect(store.temporal.getState().pastStates).toHaveLength(5);
    for (let step = 0; step < 5; step += 1) store.getState().undo();
    expect(store.getState().doc).toBe(original);
  });
});
