/**
 * The window tells main whether a modal dialog is open (`app:setModalState`), so the menu's
 * Undo edits the dialog's text field instead of the storyboard: once when it starts listening for
 * menu commands, then on every open and close, never repeating an unchanged state.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../render-app';
import { sampleProject } from '../store-kit';

afterEach(cleanup);

describe('modal state for the menu', () => {
  it('reports ready with no dialog, then each open and close of a dialog', async () => {
    const { user, callsTo } = await renderApp({ project: sampleProject(2) });
    await waitFor(() => expect(callsTo('app:setModalState')).toEqual([{ modalOpen: false }]));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await waitFor(() => expect(callsTo('app:setModalState')).toEqual([{ modalOpen: false }, { modalOpen: true }]));
    await user.click(screen.getByRole('button', { name: 'Close settings' }));
    await waitFor(() => expect(callsTo('app:setModalState')).toEqual([{ modalOpen: false }, { modalOpen: true }, { modalOpen: false }]));
  });
});
