/**
 * A reopened project shows the outcomes its last check kept (main answers them from the project's
 * cache/ folder, see test/electron/main/consistency-channels.test.ts): at once, without running
 * the check again, and never an outcome that no longer holds as if it were current.
 */
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../../../shared/domain/settings';
import { sha } from '../../fake-project-backend';
import { renderApp } from '../../render-app';
import { sampleOutcome as outcome, sampleProject } from '../../store-kit';

afterEach(cleanup);


/** Panels 1-2 checked on their active take; panel 3's second take was checked, its first is the one chosen now. */
const saved = [outcome('p1', 'p1-t1', 0.3), outcome('p2', 'p2-t1', 0.7), outcome('p3', 'p3-t2', 0.2)];

const badgeOf = (number: number) => within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: `Panel ${number}` }).querySelector('[data-consistency]');

describe('outcomes kept by the last check', () => {
  it('are on the board when the project opens, with the ones whose chosen take changed marked out of date', async () => {
    const { callsTo } = await renderApp({ project: sampleProject(3, [1, 1, 2]), main: { savedConsistency: saved } });
    const bar = await screen.findByRole('region', { name: 'Consistency' });
    expect(bar.textContent).toContain('1 consistent · 1 drifted · 0 not checked · 1 out of date');
    expect(badgeOf(1)?.getAttribute('data-consistency')).toBe('consistent');
    expect(badgeOf(2)?.getAttribute('data-consistency')).toBe('drifted');
    expect(badgeOf(3)?.getAttribute('data-consistency')).toBe('out-of-date');
    expect(badgeOf(3)?.getAttribute('aria-label')).toBe('Out of date: another take of this panel was checked, not the one on the board now. Check consistency again (free) to update it.');
    expect(within(bar).getByRole('list', { name: 'Outcomes out of date' }).textContent).toContain('Panel 3 out of date');
    expect(callsTo('consistency:check')).toEqual([]);
  });

  it('are re-labelled by the threshold in force, and all go out of date when the reference image is replaced', async () => {
    const { store, main } = await renderApp({ project: sampleProject(3, [1, 1, 2]), main: { savedConsistency: saved } });
    const bar = await screen.findByRole('region', { name: 'Consistency' });
    // The threshold changed since the check: the kept distances give the outcome a new check would.
    act(() => store.setState({ settings: SettingsSchema.parse({ consistencyThreshold: 0.8 }) }));
    expect(bar.textContent).toContain('2 consistent · 0 drifted');

    act(() => store.setState({ settings: SettingsSchema.parse({ consistencyThreshold: 0.5 }) }));
    main.importAnswer = { image: `images/${sha(31337)}.png`, width: 640, height: 800 };
    await act(() => store.getState().importReferenceImage('char-1', { source: 'bytes', base64: 'aGVsbG8=' }));
    await waitFor(() => expect(bar.textContent).toContain('0 consistent · 0 drifted · 0 not checked · 3 out of date'));
    expect(badgeOf(2)?.getAttribute('aria-label')).toBe("Out of date: the character's reference image changed since this take was checked. Check consistency again (free) to update it.");
    // Regenerating (paid) on a verdict that no longer holds is not offered.
    expect(within(bar).getByRole('button', { name: 'Regenerate drifted (0)' }).hasAttribute('disabled')).toBe(true);
  });
});
