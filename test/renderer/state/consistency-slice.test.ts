/**
 * The renderer's consistency state: outcomes follow their take, the threshold re-labels them
 * at once (they keep their distance), "not checked" never becomes a pass at any threshold, and
 * the drifted-panel list (filter, Regenerate drifted) is built from the active takes only.
 */
import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../../shared/domain/settings';
import { driftedPanelIds, takeStatus } from '../../../renderer/state/consistency-slice';
import { openKit, sampleOutcome as outcome, sampleProject } from '../store-kit';


describe('consistency state', () => {
  it('labels outcomes with the current threshold and lists the drifted active takes', async () => {
    const { store, emit } = await openKit(sampleProject(4, [1, 1, 2, 1]));
    // As main pushes them after a background check of new takes.
    emit('consistency:results', { results: [
      outcome('p1', 'p1-t1', 0.31),
      outcome('p2', 'p2-t1', 0.58),
      outcome('p3', 'p3-t2', 0.7), // not the active take of panel 3
      outcome('p4', 'p4-t1', null),
    ] });
    const state = () => store.getState();
    expect(takeStatus(state(), 'p1-t1')).toBe('consistent');
    expect(takeStatus(state(), 'p3-t1')).toBeNull();
    expect(driftedPanelIds(state())).toEqual(['p2']);

    store.setState({ settings: SettingsSchema.parse({ consistencyThreshold: 0.6 }) });
    expect(driftedPanelIds(state())).toEqual([]);
    store.setState({ settings: SettingsSchema.parse({ consistencyThreshold: 0.9 }) });
    expect(takeStatus(state(), 'p4-t1')).toBe('not-checked');
    store.setState({ settings: SettingsSchema.parse({ consistencyThreshold: 0.3 }) });
    expect(driftedPanelIds(state())).toEqual(['p1', 'p2']);
  });
});

describe('the drifted-panels filter and the keyboard', () => {
  it('moves focus and selects among the panels the board shows, never a hidden one', async () => {
    const { store, emit } = await openKit(sampleProject(5, [1, 1, 1, 1, 1]));
    emit('consistency:results', { results: [outcome('p1', 'p1-t1', 0.2), outcome('p2', 'p2-t1', 0.8), outcome('p3', 'p3-t1', 0.3), outcome('p4', 'p4-t1', 0.9), outcome('p5', 'p5-t1', 0.1)] });
    const state = () => store.getState();
    state().setDriftedOnly(true);
    state().selectPanel('p2');

    state().focusRelative(1); // the arrow key: panel 3 is hidden
    expect(state().focusedId).toBe('p4');
    state().focusRelative(1); // already the last shown panel
    expect(state().focusedId).toBe('p4');
    state().focusRelative(Number.NEGATIVE_INFINITY); // Home
    expect(state().focusedId).toBe('p2');
    state().selectPanel('p4', 'range');
    expect(state().selectedIds).toEqual(['p2', 'p4']);
    state().selectAll();
    expect(state().selectedIds).toEqual(['p2', 'p4']);

    state().setDriftedOnly(false);
    state().selectPanel('p2');
    state().focusRelative(1);
    expect(state().focusedId).toBe('p3');
    state().selectAll();
    expect(state().selectedIds).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
  });
});
