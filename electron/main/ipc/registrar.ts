/**
 * The seam between features and the transport. Features register handlers and push events
 * through a Registrar without knowing whether Electron IPC (the app) or HTTP (the browser
 * harness) carries them.
 */
import type { ChannelName, EventName, EventPayload, RequestOf, ResponseOf } from '../../../shared/ipc/contract';

export type Handler<C extends ChannelName> = (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;

export interface Registrar {
  handle<C extends ChannelName>(channel: C, handler: Handler<C>): void;
  push<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
