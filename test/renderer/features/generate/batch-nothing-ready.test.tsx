/**
 * The batch dialog when none of its panels can be generated: it says why (the same reasons main
 * and the CLI give, one line per reason with the panels it stops), asks main for no estimate and
 * offers only Close, never a cost button that can never be pressed. With no API key it still
 * names the real problem rather than asking for a key that would not help.
 */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Project } from '../../../../shared/domain/project';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

/** Four panels with scenes, featuring Mara, who has no reference image yet (a new project). */
function withoutReference(): Project {
  const project = sampleProject(4);
  return { ...project, characters: project.characters.map((character) => ({ ...character, referenceImage: null })) };
}

function actionNames(dialog: HTMLElement): string[] {
  return within(dialog)
    .getAllByRole('button')
    .map((button) => button.textContent?.trim() ?? '')
    .filter((name) => name !== '✕');
}

describe('batch dialog with nothing it can generate', () => {
  it('Generate missing names the missing reference image, not takes, and offers only Close', async () => {
    const { user, callsTo } = await renderApp({ project: withoutReference() });
    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate missing panels' });
    expect(dialog.textContent).not.toContain('already has a take');
    expect(dialog.textContent).toContain('Nothing can be generated yet');
    expect(within(dialog).getByRole('listitem').textContent).toBe('Panels 1–4: Add a reference image for Mara first.');
    expect(actionNames(dialog)).toEqual(['Close']);
    expect(callsTo('jobs:estimate')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Generate missing panels' })).toBeNull();
    expect(callsTo('jobs:generate')).toEqual([]);
  });

  it('gives each reason once with the panels it stops, so none hides behind "…and more"', async () => {
    const project = withoutReference();
    const panels = [...project.panels, ...sampleProject(8).panels.slice(4)].map((panel, index) => (index === 2 || index === 7 ? { ...panel, scenePrompt: '' } : panel));
    const { user } = await renderApp({ project: { ...project, panels } });
    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate missing panels' });
    expect(within(dialog).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Panels 1, 2 and 4–7: Add a reference image for Mara first.',
      'Panels 3 and 8: Describe the scene first.',
    ]);
  });

  it('with no API key (G on one panel) still names the real problem and asks for no key', async () => {
    const { user, callsTo } = await renderApp({ project: withoutReference(), settings: { key: null } });
    await user.click(within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: 'Panel 1' }));
    await user.keyboard('g');
    const dialog = screen.getByRole('dialog', { name: 'Generate selected panels' });
    expect(dialog.textContent).toContain('Nothing can be generated yet');
    expect(within(dialog).getByRole('listitem').textContent).toBe('Panel 1: Add a reference image for Mara first.');
    expect(dialog.textContent).not.toContain('API key');
    expect(actionNames(dialog)).toEqual(['Close']);
    expect(callsTo('jobs:estimate')).toEqual([]);
  });

  it('when every panel has a take, Generate missing says so and offers only Close', async () => {
    const { user } = await renderApp({ project: sampleProject(2, [1, 1]) });
    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate missing panels' });
    expect(dialog.textContent).toContain('Every panel already has a take');
    expect(actionNames(dialog)).toEqual(['Close']);
  });
});
