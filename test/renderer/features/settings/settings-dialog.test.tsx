import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../../renderer/app/App';
import { AppStoreProvider } from '../../../../renderer/state/store-context';
import { createWiredAppStore } from '../../../../renderer/app/app-store';
import { createApi } from '../../../../shared/ipc/create-api';
import { createFakeTransport, type FakeBackend } from '../../fake-transport';

beforeAll(() => {
  // jsdom lacks modal dialogs; the real browser behaviour is covered by the e2e tests.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});
afterEach(cleanup);

function renderApp(initial: Partial<FakeBackend> = {}) {
  const { transport, backend } = createFakeTransport(initial);
  render(
    <AppStoreProvider store={createWiredAppStore(createApi(transport))}>
      <App />
    </AppStoreProvider>,
  );
  return { backend, user: userEvent.setup() };
}

describe('Settings dialog', () => {
  it('saves a key, clears the field and shows only its last four characters', async () => {
    const { backend, user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const field = screen.getByLabelText('API key', { exact: true });
    await user.type(field, 'sk-artist-key-77ab');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(screen.getByTestId('key-status').textContent).toContain('…77ab'));
    expect((field as HTMLInputElement).value).toBe('');
    expect(backend.calls.find((call) => call.channel === 'key:set')?.payload).toEqual({ key: 'sk-artist-key-77ab', sessionOnly: false });
    expect(document.body.textContent).not.toContain('sk-artist-key-77ab');
  });

  it('opens on the API key field, so a pasted key goes straight in', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(document.activeElement).toBe(screen.getByLabelText('API key', { exact: true }));
  });

  it('shows the validation message when main refuses the key', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.type(screen.getByLabelText('API key', { exact: true }), 'short');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(await screen.findByText(/too short/)).toBeTruthy();
  });

  it('ties a refused key to the key field: the box is marked invalid and described by the message, until it is edited', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const field = screen.getByLabelText('API key', { exact: true });
    await user.type(field, 'short');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    // Read with the field by a screen reader, and said at once by the live region it sits in.
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/too short/);
    expect(screen.getByText(/too short/).closest('[aria-live]')).not.toBeNull();
    await user.type(field, '-and-now-long-enough');
    expect(field.getAttribute('aria-invalid')).toBe('false');
    expect(field.getAttribute('aria-describedby')).toBeNull();
  });

  it('ties a settings value out of range to its box, in the units on screen, and sends nothing', async () => {
    const { backend, user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const price = await screen.findByLabelText('Price per image (USD)');
    await user.clear(price);
    await user.type(price, '150');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Price per image must be a number from 0 to 100 USD.');
    expect(price.getAttribute('aria-invalid')).toBe('true');
    expect(price.getAttribute('aria-describedby')).toBe(alert.id);
    // Save is pressed in the footer, maybe far from the box: the box takes focus, its message right under it.
    expect(document.activeElement).toBe(price);
    expect(price.nextElementSibling).toBe(alert);
    expect(screen.getByLabelText('Parallel requests').getAttribute('aria-invalid')).toBeNull();
    expect(backend.calls.some((call) => call.channel === 'settings:update')).toBe(false);

    // An emptied box is refused too (it is not 0), then a good value saves and clears the mark.
    await user.clear(price);
    await user.type(price, '0.07');
    const parallel = screen.getByLabelText('Parallel requests');
    await user.clear(parallel);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Parallel requests must be a whole number from 1 to 32.');
    expect(parallel.getAttribute('aria-invalid')).toBe('true');
    await user.type(parallel, '4');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(backend.calls.find((call) => call.channel === 'settings:update')?.payload).toMatchObject({ concurrency: 4, pricePerImageCents: 7 }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(parallel.getAttribute('aria-invalid')).toBeNull();
  });

  it('warns about weak storage and offers session-only by default', async () => {
    const { backend, user } = renderApp({ protection: 'plain-text-fallback' });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect((await screen.findByRole('note')).textContent).toContain('no keyring');
    expect(screen.getByLabelText<HTMLInputElement>('Keep for this session only').checked).toBe(true);
    await user.type(screen.getByLabelText('API key', { exact: true }), 'sk-artist-key-77ab');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(backend.sessionOnly).toBe(true));
  });

  it('tests the connection and reports the answer', async () => {
    const { user } = renderApp({ key: 'sk-existing-key-1111' });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText(/Connected/)).toBeTruthy();
  });
});

describe('Welcome screen', () => {
  it('points a new artist at the API key first', async () => {
    renderApp();
    expect(await screen.findByRole('button', { name: 'Add API key' })).toBeTruthy();
  });

  it('marks the key step done once a key exists', async () => {
    renderApp({ key: 'sk-existing-key-1111' });
    expect(await screen.findByText(/Done — your key is saved/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add API key' })).toBeNull();
  });

  it('does not call a key kept for this session only saved', async () => {
    renderApp({ key: 'sk-existing-key-1111', sessionOnly: true });
    expect(await screen.findByText('Done — your key is kept for this session only (Castboard forgets it when it quits).')).toBeTruthy();
    expect(screen.queryByText(/your key is saved/)).toBeNull();
  });
});

describe('Settings: gateway and saving', () => {
  it('saves the autosave delay with the gateway settings', async () => {
    const { backend, user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const autosave = await screen.findByLabelText('Autosave after (seconds)');
    await user.clear(autosave);
    await user.type(autosave, '2.5');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(backend.calls.find((call) => call.channel === 'settings:update')?.payload).toMatchObject({ autosaveDelayMs: 2500 }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(backend.settings.autosaveDelayMs).toBe(2500);
  });

  // Enter in a box is checked in the browser (settings-footer.e2e.ts): user-event's Enter looks for the
  // submit button inside the form only, not one tied to it by form= as Chromium does.
  it('Save settings sits in the dialog footer with Close and saves the form; a reopened dialog starts afresh', async () => {
    const { backend, user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    const footer = dialog.querySelector('footer.dialog-footer');
    expect(footer?.contains(screen.getByRole('button', { name: 'Save settings' }))).toBe(true);
    expect(footer?.contains(screen.getByRole('button', { name: 'Close' }))).toBe(true);

    const parallel = await screen.findByLabelText('Parallel requests');
    await user.clear(parallel);
    await user.type(parallel, '6');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(backend.settings.concurrency).toBe(6));
    expect(footer?.contains(await screen.findByText('Settings saved.'))).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Settings' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByLabelText('Parallel requests')).toBeTruthy();
    expect(screen.queryByText('Settings saved.')).toBeNull();
  });

  it('a changed gateway URL clears the "tested" result (issue #16)', async () => {
    const { user } = renderApp({ key: 'sk-artist-key-77ab' });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText(/^Connected/)).toBeTruthy();
    const url = screen.getByLabelText('Gateway URL');
    await user.clear(url);
    await user.type(url, 'https://gateway.example.com/v1');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    expect(screen.queryByText(/^Connected/)).toBeNull();
  });
});
