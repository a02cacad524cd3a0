import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../render-app';
import { sampleProject } from '../store-kit';

afterEach(cleanup);

describe('editor frame', () => {
  it('its main controls act on the board: add, edit, undo, redo, generate, and a cancelled batch spends nothing', async () => {
    const { user, store, callsTo } = await renderApp({ project: sampleProject(2, [1, 0]) });
    const panels = () => store.getState().doc?.panels ?? [];

    await user.click(screen.getByRole('button', { name: 'Add panel' }));
    expect(panels()).toHaveLength(3);

    await user.click(within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: 'Panel 1' }));
    await user.type(screen.getByLabelText('Scene'), ' at dusk');
    expect(panels()[0]?.scenePrompt).toBe('Scene 1 at dusk');
    await user.type(screen.getByLabelText('Character description'), ', torn sleeve');
    expect(store.getState().doc?.characters[0]?.description).toBe('red coat, torn sleeve');

    // Undo takes back the last word typed, as a text editor does.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().doc?.characters[0]?.description).toBe('red coat, torn');
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(store.getState().doc?.characters[0]?.description).toBe('red coat, torn sleeve');

    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(callsTo('jobs:generate')).toEqual([expect.objectContaining({ panelIds: ['p1'] })]);

    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    const batch = screen.getByRole('dialog', { name: 'Generate missing panels' });
    await user.click(within(batch).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'Generate missing panels' })).toBeNull();
    expect(callsTo('jobs:generate')).toHaveLength(1);
  });

  it('a new panel takes the keyboard: Add panel and N select it and put the caret in its Scene; undoing the add leaves the keyboard on what is still there', async () => {
    const { user, store } = await renderApp({ project: sampleProject(2) });
    const scene = () => screen.getByLabelText<HTMLTextAreaElement>('Scene');

    // Panel 1 is shown at start: the new panel comes right after it. Its Panel section opens even
    // when the artist had folded it away.
    await user.click(screen.getByRole('button', { name: 'Panel section' }));
    expect(screen.queryByLabelText('Scene')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add panel' }));
    const added = store.getState().doc?.panels[1]?.id;
    expect(added).not.toBe('p2');
    expect(store.getState().selectedIds).toEqual([added]);
    expect(screen.getByRole('heading', { name: 'Panel 2' })).toBeTruthy();
    expect(document.activeElement).toBe(scene());
    await user.keyboard('Rooftop');
    expect(store.getState().doc?.panels[1]?.scenePrompt).toBe('Rooftop');

    // N from the board does the same.
    await user.keyboard('{Escape}');
    expect(document.activeElement?.getAttribute('data-panel-id')).toBe(added);
    await user.keyboard('n');
    expect(screen.getByRole('heading', { name: 'Panel 3' })).toBeTruthy();
    expect(document.activeElement).toBe(scene());

    // Undo takes the new panel away; the inspector and the keyboard stay on the panel before it.
    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().doc?.panels).toHaveLength(3);
    expect(screen.getByRole('heading', { name: 'Panel 2' })).toBeTruthy();
    expect(document.activeElement).toBe(scene());
    expect(scene().value).toBe('Rooftop');
  });

  it('undoing the add of the only panel gives the keyboard to the empty board, not the page', async () => {
    const { user, store } = await renderApp({ project: sampleProject(0) });
    await user.click(screen.getByRole('button', { name: 'Add first panel' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Scene'));
    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().doc?.panels).toHaveLength(0);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add first panel' })));
  });

  it('says why Close project did nothing when main refuses it (images still generating), and keeps the project open', async () => {
    const { user, main, store } = await renderApp({ project: sampleProject(2, [1, 0]) });
    main.nextOpenError = { code: 'INVALID_REQUEST', message: 'Images are still being generated. Wait for them or cancel them before you close this project.' };
    await user.click(screen.getByRole('button', { name: 'Close project' }));
    expect(await screen.findByText(/Images are still being generated\. Wait for them or cancel them before you close this project\./)).toBeTruthy();
    expect(store.getState().doc?.panels).toHaveLength(2);
    expect(screen.getByRole('list', { name: 'Panels' })).toBeTruthy();
  });

  it('exports the contact sheet with settings saved in the project and a live preview (Ctrl+E)', async () => {
    const { user, callsTo, store } = await renderApp({ project: sampleProject(3, [1, 1, 0]) });
    await user.keyboard('{Control>}e{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    expect(await within(dialog).findByRole('img', { name: 'Preview of the contact sheet, page 1' })).toBeTruthy();
    await user.clear(within(dialog).getByLabelText('Columns'));
    await user.type(within(dialog).getByLabelText('Columns'), '3');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Notes' }));
    expect(store.getState().doc?.exportSettings).toMatchObject({ columns: 3, captions: ['scene', 'dialogue', 'notes', 'shot'] });
    await user.click(within(dialog).getByRole('button', { name: 'Export contact sheet…' }));
    expect(await within(dialog).findByText(/Contact sheet saved/)).toBeTruthy();
    const [request] = callsTo('export:contactSheet') as Array<{ settings: { columns: number } }>;
    expect(request?.settings.columns).toBe(3);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().doc?.exportSettings.captions).toEqual(['scene', 'dialogue', 'shot']);
  });

  it('lists the keyboard shortcuts from the Help menu and on "?"', async () => {
    const { user } = await renderApp({ project: sampleProject(1) });
    await user.click(screen.getByRole('button', { name: 'Help' }));
    await user.click(screen.getByRole('menuitem', { name: /Keyboard shortcuts/ }));
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('Generate the selected panels');
    // Ctrl+E names every format the Export dialog offers (the animated GIF was left out).
    expect(dialog.textContent).toContain('Export: contact sheet, PDF board, animatic, GIF, timeline or shot list');
    // Both redo keys the board answers to are listed (Ctrl+Y is what Windows artists press).
    const redoKeys = within(dialog).getAllByText('Redo').map((action) => action.closest('.shortcut-row')?.querySelectorAll('kbd'));
    expect(redoKeys.map((keys) => Array.from(keys ?? [], (key) => key.textContent).join('+'))).toEqual(['Shift+Ctrl+Z', 'Ctrl+Y']);
    await user.click(within(dialog).getByRole('button', { name: 'Close keyboard shortcuts' }));
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
  });

  it('Escape closes the Help menu and gives the keyboard back to the Help button, so Enter opens it again', async () => {
    const { user } = await renderApp({ project: sampleProject(1) });
    const help = screen.getByRole('button', { name: 'Help' });
    await user.click(help);
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: /Keyboard shortcuts/ }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu', { name: 'Help' })).toBeNull();
    expect(document.activeElement).toBe(help);
    await user.keyboard('{Enter}');
    expect(screen.getByRole('menu', { name: 'Help' })).toBeTruthy();
  });

  it('saves with Ctrl+S and shows the save state, spend and balance in the status bar', async () => {
    const { user, callsTo, store, emit } = await renderApp({ project: sampleProject(1) });
    await user.keyboard('{Control>}s{/Control}');
    expect(callsTo('project:save')).toHaveLength(1);
    // Ctrl+Shift+S belongs to the menu's Save As: the page must not treat it as Save.
    await user.keyboard('{Control>}{Shift>}s{/Shift}{/Control}');
    expect(callsTo('project:save')).toHaveLength(1);
    expect(screen.getByTestId('save-status').textContent).toContain('All changes saved');
    act(() => emit('project:status', { state: 'error', dirty: true, message: 'The disk is full. Free some space; your work is still open.', lastSavedAt: null, readOnlyReason: null }));
    expect(screen.getByTestId('save-status').textContent).toContain('The disk is full');
    act(() => store.getState().applySnapshot({ jobs: [], counts: { queued: 0, sending: 0, waiting: 0, polling: 0, downloading: 0, done: 0, failed: 0, cancelled: 0, total: 0 }, pause: null, spentCents: 35, spend: { storedImages: 6, storedCents: 30, unusableImages: 0, unusableCents: 0, unknownRequests: 1, unknownCents: 5 }, awaiting: { requests: 0, images: 0 }, pacing: { inFlightLimit: 3, requestsPerMinute: 60, learnedFrom: 'headers' }, concurrency: 10 }));
    expect(screen.getByTestId('spent').textContent).toBe('Spent $0.35 (1 outcome unknown)');
    expect(screen.getByTestId('pacing').textContent).toBe('Gateway limit 60/min, 3 at once');
    expect((await screen.findByTestId('balance')).textContent).toBe('Balance $12.00');
  });

  it('runs menu commands from main and reports the title and unsaved state back', async () => {
    const { user, emit, callsTo, store, backend } = await renderApp({ project: sampleProject(2) });
    await waitFor(() => expect(callsTo('app:setTitleState').at(-1)).toEqual({ projectTitle: 'Night Market', dirty: false, unsentEdits: false }));
    act(() => emit('app:command', { command: 'panel.add' }));
    expect(store.getState().doc?.panels).toHaveLength(3);
    // Unsent until main has the edit, and said so only after it was sent: closing waits for it.
    expect(callsTo('app:setTitleState')).toContainEqual({ projectTitle: 'Night Market', dirty: true, unsentEdits: true });
    const handed = { projectTitle: 'Night Market', dirty: true, unsentEdits: false };
    await waitFor(() => expect(callsTo('app:setTitleState')).toContainEqual(handed));
    const channels = backend.calls.map((call) => (call.channel === 'app:setTitleState' && JSON.stringify(call.payload) === JSON.stringify(handed) ? 'handed' : call.channel));
    expect(channels.indexOf('project:update')).toBeGreaterThanOrEqual(0);
    expect(channels.indexOf('project:update')).toBeLessThan(channels.indexOf('handed'));
    act(() => emit('app:command', { command: 'edit.undo' }));
    expect(store.getState().doc?.panels).toHaveLength(2);
    act(() => emit('app:command', { command: 'help.shortcuts' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Close keyboard shortcuts' }));
    act(() => emit('app:command', { command: 'project.saveAs' }));
    await waitFor(() => expect(store.getState().root).toBe('/copies/Night Market.castboard'));
    act(() => emit('app:command', { command: 'project.new' }));
    expect(screen.getByRole('dialog', { name: 'New project' })).toBeTruthy();
  });

  it('closes the project and returns to the welcome screen', async () => {
    const { user, callsTo } = await renderApp({ project: sampleProject(1) });
    await user.click(screen.getByRole('button', { name: 'Close project' }));
    expect(await screen.findByRole('button', { name: 'New project' })).toBeTruthy();
    expect(callsTo('project:close')).toHaveLength(1);
  });
});
