/**
 * The only main-process module that touches ipcMain. Each contract channel is mounted with
 * `ipcMain.handle`; the sender frame is checked first (unknown senders get UNKNOWN_SENDER and the
 * handler never runs), then the shared dispatcher parses the payload and maps errors.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Envelope } from '../../../shared/ipc/envelope';
import type { Logger } from '../../services/logger';
import type { Dispatcher } from './dispatcher';
import type { Registrar } from './registrar';
import { isTrustedSenderUrl } from './sender-policy';

export interface ElectronRegistrarDeps {
  dispatcher: Dispatcher;
  logger: Logger;
  /** The windows that receive push events. */
  targets: () => WebContents[];
}

export function createElectronRegistrar({ dispatcher, logger, targets }: ElectronRegistrarDeps): Registrar {
  return {
    handle(channel, handler) {
      dispatcher.register(channel, handler);
      ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<Envelope> => {
        const senderUrl = event.senderFrame?.url;
        if (!isTrustedSenderUrl(senderUrl)) {
          logger.warn('Refused IPC call from an unknown sender', { channel, senderUrl });
          return { ok: false, error: { code: 'UNKNOWN_SENDER', message: 'This window is not allowed to talk to Castboard.' } };
        }
        return dispatcher.dispatch(channel, payload);
      });
    },
    push(event, payload) {
      const checked = dispatcher.checkEvent(event, payload);
      for (const contents of targets()) {
        if (!contents.isDestroyed()) contents.send(event, checked);
      }
    },
  };
}
