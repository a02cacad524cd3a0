/**
 * Temp-folder and in-memory stand-ins for the Electron adapters: settings in a temp folder via
 * conf (electron-store's own file format), the key "encrypted" by a reversible fake cipher and
 * held in memory, dialogs answered from a script the test fills in.
 */
import Conf from 'conf';
import type { DialogPort } from '../../electron/services/dialogs';
import type { ShellPort } from '../../electron/services/shell';
import type { PersistedKey, SecretCipher, SecretPersistence } from '../../electron/services/secrets/key-vault';
import type { KeyValueStore } from '../../electron/services/settings/settings-service';

export type KeyProtection = ReturnType<SecretCipher['protection']>;

export function createTempSettingsStore(folder: string): KeyValueStore {
  const conf = new Conf<Record<string, unknown>>({ cwd: folder, configName: 'settings', projectName: 'castboard-harness' });
  return { get: (key) => conf.get(key), set: (key, value) => conf.set(key, value), delete: (key) => conf.delete(key) };
}

/** Reversible on purpose (it is a fake), but never stores the key as-is. */
export function createFakeCipher(protection: KeyProtection): SecretCipher {
  return {
    protection: () => protection,
    encrypt: (plainText) => `fake-cipher:${Buffer.from(plainText, 'utf8').reverse().toString('base64')}`,
    decrypt: (cipherText) => Buffer.from(cipherText.replace(/^fake-cipher:/, ''), 'base64').reverse().toString('utf8'),
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
