/**
 * What the preload hands across contextBridge: a Transport restricted to the contract that only
 * ever carries data. contextBridge copies values with the structured-clone rules and reduces a
 * thrown error (or a rejected promise) to a plain `Error(message)`: a `CastboardError`'s `code`
 * and class would not survive it. So the bridge never throws: every answer, including a failure
 * of the IPC call itself or a channel the contract does not know, is an Envelope
 * (`{ ok, value }` / `{ ok: false, error: { code, message } }`), passed on unchanged. The
 * renderer's own bundle turns envelopes into values and `CastboardError`s (createApi).
 * Invariants: only contract channels and events pass; the returned object is frozen. It knows the
 * contract by its names only (names.ts), so the preload builds no schema before the page starts.
 */
import type { Envelope } from './envelope';
import { LOST_CONTACT_MESSAGE } from './lost-contact';
import { isChannelName, isEventName } from './names';
import type { Transport } from './create-api';

function failure(code: 'UNKNOWN_CHANNEL' | 'INTERNAL', message: string): Envelope {
  return { ok: false, error: { code, message } };
}

export function createBridge(transport: Transport): Transport {
  return Object.freeze({
    async invoke(channel: string, payload: unknown): Promise<unknown> {
      if (!isChannelName(channel)) return failure('UNKNOWN_CHANNEL', `Castboard has no "${String(channel)}" request.`);
      try {
        return await transport.invoke(channel, payload);
      } catch {
        return failure('INTERNAL', LOST_CONTACT_MESSAGE);
      }
    },
    subscribe(event: string, listener: (payload: unknown) => void): () => void {
      if (!isEventName(event)) return () => undefined;
      return transport.subscribe(event, listener);
    },
    mediaBaseUrl: transport.mediaBaseUrl,
  });
}
