/**
 * The keyboard after a change that takes away the control that had it: it goes to where the
 * artist carries on (the welcome screen's next step, the board), not back to the top of the page.
 * jsdom, like the browser, leaves focus on the body when the focused element is removed.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../render-app';
import { sampleProject } from '../store-kit';

afterEach(cleanup);

const focusedName = () => (document.activeElement === document.body ? 'the page' : (document.activeElement?.textContent?.trim() ?? 'nothing'));

describe('focus after the control that had it goes away', () => {
  it('saving the key from the welcome screen and closing Settings puts the keyboard on New project', async () => {
    const { user } = await renderApp({ settings: { key: null } });
    await user.click(await screen.findByRole('button', { name: 'Add API key' }));
    const settings = screen.getByRole('dialog', { name: 'Settings' });
    await user.type(within(settings).getByLabelText('API key', { exact: true }), 'sk-artist-key-77ab');
    await user.click(within(settings).getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Add API key' })).toBeNull());
    await user.click(within(settings).getByRole('button', { name: 'Close settings' }));
    await waitFor(() => expect(focusedName()).toBe('New project'));
  });

  it('Close project puts the keyboard on the welcome screen, not the page', async () => {
    const { user } = await renderApp({ project: sampleProject(2) });
    await user.click(screen.getByRole('button', { name: 'Close project' }));
    await screen.findByRole('button', { name: 'New project' });
    await waitFor(() => expect(focusedName()).toBe('New project'));
  });

  it('a new project puts the keyboard on the board (its Add first panel button)', async () => {
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'New project' }));
    const dialog = screen.getByRole('dialog', { name: 'New project' });
    await user.type(within(dialog).getByLabelText('Project title'), 'Night Market');
    await user.click(within(dialog).getByRole('button', { name: 'Create project' }));
    await screen.findByRole('button', { name: 'Add first panel' });
    await waitFor(() => expect(focusedName()).toBe('Add first panel'));
  });
});
