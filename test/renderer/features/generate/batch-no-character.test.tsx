import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_CHARACTER_PROBLEM } from '../../../../shared/generation/request-plan';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

describe('batch generation and "No character" panels', () => {
  it('names the "No character" panel with its reason before spending, and asks only for the others', async () => {
    const project = sampleProject(3);
    const withoutCharacter = { ...project, panels: project.panels.map((panel) => (panel.id === 'p2' ? { ...panel, characterId: null } : panel)) };
    const { user, callsTo } = await renderApp({ project: withoutCharacter });
    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate missing panels' });
    expect(await within(dialog).findByRole('button', { name: 'Generate 2 images ($0.10)' })).toBeTruthy();
    expect(dialog.textContent).toContain(`Panel 2: ${NO_CHARACTER_PROBLEM}`);
    expect(callsTo('jobs:estimate')).toEqual([{ panelIds: ['p1', 'p3'], variations: 1 }]);
    await user.click(within(dialog).getByRole('button', { name: 'Generate 2 images ($0.10)' }));
    expect(callsTo('jobs:generate')).toEqual([{ panelIds: ['p1', 'p3'], variations: 1, seed: null }]);
  });
});
