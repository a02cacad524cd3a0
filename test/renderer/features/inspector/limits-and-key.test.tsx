/**
 * Limits the artist can see and a missing key the artist can fix (issue #12): a long paste is
 * never cut silently, the counter shows near the limit; with no API key every Generate says
 * "Add API key" and opens Settings (so do Restyle and Render with character), the batch dialog says so before any confirm, and the "no key"
 * message goes away once a key is saved.
 */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CHARACTER_LIMITS, PANEL_LIMITS } from '../../../../shared/domain/project';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

const card = (n: number) => within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: `Panel ${n}` });

describe('visible limits', () => {
  it('keeps what fits of a too-long dialogue and says how much was not kept', async () => {
    const { user, store } = await renderApp({ project: sampleProject(1) });
    await user.click(card(1));
    const dialogue = screen.getByLabelText('Dialogue');
    fireEvent.change(dialogue, { target: { value: 'a'.repeat(5173) } });
    expect(store.getState().doc?.panels[0]?.dialogue).toHaveLength(PANEL_LIMITS.maxTextLength);
    expect(screen.getByRole('alert').textContent).toBe('Dialogue holds 4,000 characters: the text was 5,173, so the last 1,173 were not kept.');

    fireEvent.change(dialogue, { target: { value: 'b'.repeat(3300) } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('3,300 / 4,000 characters')).toBeTruthy();
    fireEvent.change(dialogue, { target: { value: 'short' } });
    expect(screen.queryByText(/\/ 4,000 characters/)).toBeNull();
  });

  it('counts the character description near its limit and says what a long paste lost', async () => {
    const { store } = await renderApp({ project: sampleProject(1) });
    const description = screen.getByLabelText('Character description');
    expect(screen.queryByText(/\/ 2,000 characters/)).toBeNull();

    fireEvent.change(description, { target: { value: 'c'.repeat(1700) } });
    const counter = screen.getByText('1,700 / 2,000 characters');
    expect(description.getAttribute('aria-describedby')).toBe(counter.id);

    fireEvent.change(description, { target: { value: 'd'.repeat(2300) } });
    expect(store.getState().doc?.characters[0]?.description).toHaveLength(CHARACTER_LIMITS.maxDescriptionLength);
    expect(screen.getByRole('alert').textContent).toBe('Character description holds 2,000 characters: the text was 2,300, so the last 300 were not kept.');

    fireEvent.change(description, { target: { value: 'e'.repeat(2001) } });
    expect(screen.getByRole('alert').textContent).toBe('Character description holds 2,000 characters: the text was 2,001, so the last character was not kept.');

    fireEvent.change(description, { target: { value: 'red coat' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/\/ 2,000 characters/)).toBeNull();
  });
});

describe('no API key', () => {
  it('turns Generate into "Add API key", warns in the batch dialog before any confirm, and opens Settings', async () => {
    const { user, callsTo, store } = await renderApp({ project: sampleProject(2), settings: { key: null } });
    await user.click(card(1));
    expect(screen.queryByRole('button', { name: 'Generate' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add API key' }));
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
    act(() => store.getState().closeDialog());

    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    const batch = screen.getByRole('dialog', { name: 'Generate missing panels' });
    expect(batch.textContent).toContain('Generating needs your AIgateway API key');
    expect(within(batch).queryByRole('button', { name: /^Generate \d/ })).toBeNull();
    await user.click(within(batch).getByRole('button', { name: 'Add API key' }));
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
    expect(callsTo('jobs:generate')).toHaveLength(0);
  });

  it('turns Restyle and Render with character into "Add API key" too, their cost still shown, and opens Settings', async () => {
    const project = sampleProject(1, [1]);
    const [panel] = project.panels;
    if (panel) panel.takes = panel.takes.map((take) => ({ ...take, origin: 'sketch' as const }));
    const { user, callsTo, store } = await renderApp({ project, settings: { key: null } });
    await user.click(card(1));
    expect(screen.queryByRole('button', { name: 'Restyle' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Render with character' })).toBeNull();
    expect(screen.getByText('this panel · 1 image · $0.05')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add API key to restyle' }));
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
    act(() => store.getState().closeDialog());
    await user.click(screen.getByRole('button', { name: 'Add API key to render' }));
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
    expect(callsTo('jobs:restyle')).toHaveLength(0);
  });

  it('removes the "no key" message once a key is saved', async () => {
    const { user, main, store } = await renderApp({ project: sampleProject(1) });
    main.nextStartError = { code: 'NO_API_KEY', message: 'Add your AIgateway API key in Settings first.' };
    await user.click(card(1));
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Add your AIgateway API key');
    act(() => store.setState({ keyStatus: { hasKey: false, last4: null, storage: 'encrypted' } }));
    await act(() => store.getState().saveKey('sk-new-key-9876', false));
    expect(screen.queryByText(/Add your AIgateway API key/)).toBeNull();
  });
});
