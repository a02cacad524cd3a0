/**
 * Temp-folder and in-memory stand-ins for the Electron adapters: settings in a temp folder through
 * the app's own settings adapter (conf), the key "encrypted" by a reversible fake cipher and
 * held in memory, dialogs answered from a script the test fills in.
 */
import { createSettingsStore } from '../../electron/main/adapters/settings-store';
import { silentLogger } from '../../electron/services/logger';
import type { DialogPort } from '../../electron/services/dialogs';
import type { ShellPort } from '../../electron/services/shell';
import type { KeyProtection, PersistedKey, SecretCipher, SecretPersistence } from '../../electron/services/secrets/key-vault';
import type { KeyValueStore } from '../../electron/services/settings/settings-service';

export type { KeyProtection } from '../../electron/services/secrets/key-vault';

/** The app's own settings adapter (conf, no Electron), in a temp folder. */
export function createTempSettingsStore(folder: string): KeyValueStore {
  return createSettingsStore({ directory: folder, logger: silentLogger });
}

/** Reversible on purpose (it is a fake), but never stores the key as-is. */
export function createFakeCipher(protection: KeyProtection): SecretCipher {
  return {
    protection: () => protection,
    encrypt: async (plainText) => `fake-cipher:${Buffer.from(plainText, 'utf8').reverse().toString('base64')}`,
    decrypt: async (cipherText) => ({ plainText: Buffer.from(cipherText.replace(/^fake-cipher:/, ''), 'base64').reverse().toString('utf8'), shouldReEncrypt: false }),
  };
}

export function createMemorySecret(): SecretPersistence {
  let record: PersistedKey | undefined;
  return { read: () => record, write: (value) => void (record = value), clear: () => void (record = undefined) };
}

export type DialogKind = keyof DialogPort;

/** Answers dialogs from a queue per kind; an empty queue answers "cancelled". */
export function createScriptedDialogs(): DialogPort & { script(kind: DialogKind, answer: string | null): void; hasScript(kind: DialogKind): boolean } {
  const queues = new Map<DialogKind, Array<string | null>>();
  const next = async (kind: DialogKind) => queues.get(kind)?.shift() ?? null;
  return {
    script: (kind, answer) => void (queues.get(kind) ?? queues.set(kind, []).get(kind))?.push(answer),
    hasScript: (kind) => (queues.get(kind)?.length ?? 0) > 0,
    chooseFolder: () => next('chooseFolder'),
    chooseImageFile: () => next('chooseImageFile'),
    chooseSavePath: () => next('chooseSavePath'),
    // Any scripted answer but null means the artist pressed the confirm button.
    confirm: async () => (await next('confirm')) !== null,
  };
}

export interface ShellRequest {
  action: 'showItemInFolder' | 'openPath';
  path: string;
}

/** Records what the app asked the shell to show (a browser cannot open the file manager). */
export function createRecordingShell(): ShellPort & { readonly requests: ShellRequest[] } {
  const requests: ShellRequest[] = [];
  return {
    requests,
    showItemInFolder: (fullPath) => void requests.push({ action: 'showItemInFolder', path: fullPath }),
    openPath: async (fullPath) => {
      requests.push({ action: 'openPath', path: fullPath });
      return '';
    },
  };
}
