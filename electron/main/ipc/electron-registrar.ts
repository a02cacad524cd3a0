/**
 * The only main-process module that touches ipcMain. Each contract channel is mounted with
 * `ipcMain.handle`; the sender is checked first (one of the app's windows, its top-level frame, at
 * the app's origin: sender-policy.ts; unknown senders get UNKNOWN_SENDER and the handler never
 * runs), then the shared dispatcher parses the payload and maps errors.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Envelope } from '../../../shared/ipc/envelope';
import type { Logger } from '../../services/logger';
import type { Dispatcher } from './dispatcher';
import type { Registrar } from './registrar';
import { isTrustedSenderFrame } from './sender-policy';

export interface ElectronRegistrarDeps {
  dispatcher: Dispatcher;
  logger: Logger;
  /** The app's windows: they receive push events, and only they may call. */
  targets: () => WebContents[];
}

export function createElectronRegistrar({ dispatcher, logger, targets }: ElectronRegistrarDeps): Registrar {
  // By id: the number Electron gives each web contents for its lifetime.
  const isAppWindow = (sender: WebContents | undefined) => !!sender && targets().some((contents) => contents.id === sender.id);
  return {
    handle(channel, handler) {
      dispatcher.register(channel, handler);
      ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<Envelope> => {
        const frame = event.senderFrame;
        if (!isAppWindow(event.sender) || !isTrustedSenderFrame(frame)) {
          logger.warn('Refused IPC call from an unknown sender', { channel, senderUrl: frame?.url, subFrame: !!frame?.parent });
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
