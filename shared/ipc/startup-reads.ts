/**
 * The start-up reads leave with the bridge, before the page's own code exists: the preload builds
 * the bridge before the page starts to load (the harness's bridge script runs before the app's
 * bundle), so main answers them while the renderer's bundle downloads and runs, and the editor
 * opens as soon as its code is ready instead of a round trip later. Only these side-effect-free
 * reads are sent early; each answer is handed to the first payload-less call of its channel and
 * only to it (a later call asks main again), and it goes through the renderer's checks like any
 * other. The renderer's boot makes exactly these calls first (a test holds the two together).
 * Imports nothing but types: the preload stays free of schemas.
 */
import type { ChannelName } from './contract';
import type { Transport } from './create-api';

/** What the store's boot() asks for (renderer/state/create-app-store.ts), all without a payload. */
export const STARTUP_READS: readonly ChannelName[] = ['settings:get', 'key:status', 'key:destination', 'project:current', 'project:recent', 'jobs:snapshot'];

const isFailure = (answer: unknown) => typeof answer !== 'object' || answer === null || (answer as { ok?: unknown }).ok !== true;

/**
 * `transport`, with the start-up reads sent now and each answer kept for the first matching call.
 * An early read that failed (main refused or could not be reached so early) is asked once more
 * when the page asks for it: a read changes nothing, so asking again is safe.
 */
export function sendingStartupReads(transport: Transport): Transport {
  const sent = new Map<ChannelName, Promise<unknown>>();
  for (const channel of STARTUP_READS) {
    const answer = transport.invoke(channel, undefined);
    // Kept for a caller that may never come: a failure is that caller's to see, not an unhandled rejection.
    answer.catch(() => undefined);
    sent.set(channel, answer);
  }
  return {
    invoke(channel, payload) {
      const early = payload === undefined ? sent.get(channel) : undefined;
      if (!early) return transport.invoke(channel, payload);
      sent.delete(channel);
      const askAgain = () => transport.invoke(channel, payload);
      return early.then((answer) => (isFailure(answer) ? askAgain() : answer), askAgain);
    },
    subscribe: (event, listener) => transport.subscribe(event, listener),
    mediaBaseUrl: transport.mediaBaseUrl,
  };
}
