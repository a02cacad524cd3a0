/**
 * The renderer's consistency state: outcomes follow their take, the threshold re-labels them
 * at once (they keep their distance), "not checked" never becomes a pass at any threshold, and
 * the drifted-panel list (filter, Regenerate drifted) is built from the active takes only.
 */
import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../../shared/domain/settings';
import type { TakeConsistency } from '../../../shared/domain/consistency';
import { driftedPanelIds, takeStatus } from '../../../renderer/state/consistency-slice';
import { openKit, sampleProject } from '../store-kit';

const outcome = (panelId: string, takeId: string, distance: number | null): TakeConsistency => ({
  panelId,
  takeId,
  status: distance === null ? 'not-checked' : distance <= 0.5 ? 'consistent' : 'drifted',
  distance,
  reason: distance === null ? 'no-face' : null,
});

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
