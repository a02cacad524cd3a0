/**
 * Where the saved API key may be sent. The key is bound to the gateway address it was entered
 * (or last confirmed) for; after the address changes, nothing carries the key until the artist
 * either enters the key again or confirms the new address in a question main asks itself, in
 * main's words (DialogPort.confirm: a native dialog in the app). So a renderer call that changes
 * the URL and then asks for a connection test can never send the key to a new host by itself.
 * The bound address is stored beside the settings so it survives restarts.
 */
import { CastboardError } from '../../../shared/errors';
import type { DialogPort } from '../dialogs';
import type { KeyValueStore } from '../settings/settings-service';

const STORE_KEY = 'keyConfirmedForBaseUrl';

export interface KeyDestination {
  /** The address the key may go to, or null when none was recorded yet. */
  confirmedFor(): string | null;
  /** Binds the key to `baseUrl` (a key entered now is meant for the current address). */
  bind(baseUrl: string): void;
  /** Main's words for the question, or null when `baseUrl` needs no confirmation. */
  pendingQuestion(baseUrl: string): { message: string; detail: string } | null;
  /** Asks the artist (main's own dialog); binds the key to `baseUrl` when they confirm. */
  askToConfirm(baseUrl: string): Promise<boolean>;
  /** Throws NO_API_KEY (with what to do) unless the key may be sent to `baseUrl`. */
  assertMaySend(baseUrl: string): void;
}

function host(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

export const UNCONFIRMED_MESSAGE =
  'The gateway address changed since your API key was saved, so Castboard did not send the key there. Confirm the new address in Settings (or enter the key again) first.';

export function createKeyDestination(store: KeyValueStore, dialogs: Pick<DialogPort, 'confirm'>): KeyDestination {
  const confirmedFor = (): string | null => {
    const value = store.get(STORE_KEY);
    return typeof value === 'string' ? value : null;
  };
  const question = (baseUrl: string) => ({
    message: `Send your AIgateway API key to ${host(baseUrl)}?`,
    detail:
      `Your key has only been sent to ${host(confirmedFor() ?? '') || 'the previous address'} so far. Whoever runs ${baseUrl} receives your key with every request and can spend your credits with it. ` +
      'Only continue if you trust this address (for example, it is your company\'s gateway).',
  });
  return {
    confirmedFor,
    bind: (baseUrl) => store.set(STORE_KEY, baseUrl),
    pendingQuestion: (baseUrl) => (confirmedFor() === baseUrl ? null : question(baseUrl)),
    async askToConfirm(baseUrl) {
      if (confirmedFor() === baseUrl) return true;
      const { message, detail } = question(baseUrl);
      const yes = await dialogs.confirm({ title: 'New gateway address', message, detail, confirmLabel: 'Send my key there' });
      if (yes) store.set(STORE_KEY, baseUrl);
      return yes;
    },
    assertMaySend(baseUrl) {
      if (confirmedFor() !== baseUrl) throw new CastboardError('NO_API_KEY', UNCONFIRMED_MESSAGE);
    },
  };
}
