/**
 * Keeps the AIgateway API key. The key is persisted only as ciphertext produced by the injected
 * cipher (Electron's safeStorage in the app), or held in memory for this session only. Nothing
 * here ever returns the key to a caller other than the gateway client (`getKey`); the renderer
 * only ever sees `status()`: whether there is a key, its last four characters, how it is kept.
 */
import type { KeyStatus } from '../../../shared/domain/api-key';
import { CastboardError } from '../../../shared/errors';
import type { Logger } from '../logger';
import { registerSecret } from '../logging/redact';

/** What safeStorage offers, reduced to what the vault needs. */
export interface SecretCipher {
  /** 'unavailable' when the OS offers no encryption at all (before app ready, some Linux setups). */
  protection(): 'encrypted' | 'plain-text-fallback' | 'unavailable';
  encrypt(plainText: string): string;
  decrypt(cipherText: string): string;
}

/** Where the ciphertext lives (electron-store in the app). */
export interface SecretPersistence {
  read(): unknown;
  write(record: PersistedKey): void;
  clear(): void;
}

export interface PersistedKey {
  version: 1;
  cipherText: string;
  protection: 'encrypted' | 'plain-text-fallback';
}

export interface KeyVault {
  status(): KeyStatus;
  set(key: string, options: { sessionOnly: boolean }): KeyStatus;
  clear(): KeyStatus;
  /** The key for the gateway client; undefined when none is set or it cannot be decrypted. */
  getKey(): string | undefined;
}

function isPersistedKey(value: unknown): value is PersistedKey {
  const record = value as Partial<PersistedKey> | null;
  return !!record && record.version === 1 && typeof record.cipherText === 'string' &&
    (record.protection === 'encrypted' || record.protection === 'plain-text-fallback');
}

export function createKeyVault(deps: { cipher: SecretCipher; persistence: SecretPersistence; logger: Logger }): KeyVault {
  const { cipher, persistence, logger } = deps;
  let sessionKey: string | undefined;
  // Decrypted once and cached: on macOS every decrypt may ask the keychain.
  let decrypted: { cipherText: string; key: string | undefined } | undefined;

  function persisted(): PersistedKey | undefined {
    const record = persistence.read();
    return isPersistedKey(record) ? record : undefined;
  }

  function persistedKey(): string | undefined {
    const record = persisted();
    if (!record) return undefined;
    if (decrypted?.cipherText !== record.cipherText) {
      let key: string | undefined;
      try {
        key = cipher.decrypt(record.cipherText);
      } catch {
        logger.warn('The stored API key could not be decrypted; it must be entered again.');
      }
      decrypted = { cipherText: record.cipherText, key };
      registerSecret(key); // every outgoing message is cut of it from now on
    }
    return decrypted.key;
  }

  function defaultStorage(): KeyStatus['storage'] {
    const protection = cipher.protection();
    return protection === 'unavailable' ? 'session-only' : protection;
  }

  function status(): KeyStatus {
    if (sessionKey) return { hasKey: true, last4: sessionKey.slice(-4), storage: 'session-only' };
    const key = persistedKey();
    const record = persisted();
    if (key && record) return { hasKey: true, last4: key.slice(-4), storage: record.protection };
    return { hasKey: false, last4: null, storage: defaultStorage() };
  }

  return {
    status,
    set(key, { sessionOnly }) {
      registerSecret(key);
      const protection = cipher.protection();
      if (sessionOnly || protection === 'unavailable') {
        persistence.clear();
        sessionKey = key;
        return status();
      }
      let cipherText: string;
      try {
        cipherText = cipher.encrypt(key);
      } catch (cause) {
        throw new CastboardError('KEY_STORAGE_UNAVAILABLE', 'Castboard could not encrypt the key on this computer. Tick "Keep for this session only" to use it until you quit.', { cause });
      }
      persistence.write({ version: 1, cipherText, protection });
      sessionKey = undefined;
      return status();
    },
    clear() {
      persistence.clear();
      sessionKey = undefined;
      decrypted = undefined;
      return status();
    },
    getKey: () => sessionKey ?? persistedKey(),
  };
}
