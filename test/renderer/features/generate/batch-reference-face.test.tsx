/**
 * Before paying for a batch, the dialog repeats the character card's warning when a featured
 * character's reference image has no face the consistency check can use; the confirm button
 * stays (the warning informs, it does not forbid). A usable reference adds nothing.
 */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

describe('batch dialog and a reference image without a usable face', () => {
  it('Generate missing warns that the panels will not be checkable, and still lets the artist pay and generate', async () => {
    const project = sampleProject(2);
    const reference = project.characters[0]!.referenceImage!;
    const { user, callsTo } = await renderApp({ project, main: { referenceFaces: { [reference]: { verdict: 'no-face', faces: 0, chosen: null } } } });
    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate missing panels' });
    const confirm = await within(dialog).findByRole('button', { name: 'Generate 2 images ($0.10)' });
    expect(dialog.querySelector('[data-reference-warning]')?.textContent).toBe(
      "Mara's reference image shows no face, so the consistency check will not be able to check these panels. A good reference shows one clear, front-facing face. You can still generate.",
    );
    await user.click(confirm);
    expect(callsTo('jobs:generate')).toEqual([{ panelIds: ['p1', 'p2'], variations: 1, seed: null }]);
  });

  it('Generate selected says so for an unreadable reference; a reference with a face adds no warning', async () => {
    const project = sampleProject(1);
    const reference = project.characters[0]!.referenceImage!;
    const { user, main, store } = await renderApp({ project, main: { referenceFaces: { [reference]: { verdict: 'unreadable', faces: 0, chosen: null } } } });
    store.getState().openDialog({ kind: 'batch', mode: 'selected', panelIds: ['p1'] });
    let dialog = await screen.findByRole('dialog', { name: 'Generate selected panels' });
    await within(dialog).findByRole('button', { name: 'Generate 1 image ($0.05)' });
    expect(dialog.querySelector('[data-reference-warning]')?.textContent).toContain("Mara's reference image cannot be read");
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    main.referenceFaces = {};
    store.setState({ referenceFaces: {} });
    store.getState().openDialog({ kind: 'batch', mode: 'selected', panelIds: ['p1'] });
    dialog = await screen.findByRole('dialog', { name: 'Generate selected panels' });
    await within(dialog).findByRole('button', { name: 'Generate 1 image ($0.05)' });
    expect(dialog.querySelector('[data-reference-warning]')).toBeNull();
  });
});
