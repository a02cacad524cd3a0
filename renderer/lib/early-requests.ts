/**
 * The start-up reads leave the moment the renderer's bundle starts to run, before zod, React and
 * the app's modules are evaluated (main.tsx imports this module first, and a bundle runs its
 * modules in import order): main answers them while the page is still building itself. Only these
 * side-effect-free reads are sent early, each answer is handed to the first matching call and only
 * to it (a later call asks main again), and the answers go through createApi's checks like any
 * other. Imports nothing but types, so its own cost is nil.
 */
import type { ChannelName } from '../../shared/ipc/contract';
import type { Transport } from '../../shared/ipc/create-api';

/** What the store's boot() asks for (state/create-app-store.ts), all without a payload; a test holds the two together. */
export const STARTUP_READS: readonly ChannelName[] = ['settings:get', 'key:status', 'key:destination', 'project:current', 'project:recent', 'jobs:snapshot'];

const sent = new Map<ChannelName, Promise<unknown>>();
const bridge = typeof window === 'undefined' ? undefined : window.castboard;
if (bridge) for (const channel of STARTUP_READS) sent.set(channel, bridge.invoke(channel, undefined));

/** The bridge, answering the first payload-less call of each start-up read with the answer already on its way. */
export function withEarlyAnswers(transport: Transport): Transport {
  return {
    invoke(channel, payload) {
      const early = payload === undefined ? sent.get(channel) : undefined;
      if (!early) return transport.invoke(channel, payload);
      sent.delete(channel);
      return early;
    },
    subscribe: (event, listener) => transport.subscribe(event, listener),
    mediaBaseUrl: transport.mediaBaseUrl,
  };
}
