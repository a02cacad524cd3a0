/**
 * Keeps the AIgateway API key. The key is persisted only as ciphertext produced by the injected
 * cipher (Electron's asynchronous safeStorage API in the app), or held in memory for this session
 * only. Nothing here ever returns the key to a caller other than the gateway client (`getKey`);
 * the renderer only ever sees `status()`: whether there is a key, its last four characters, how
 * it is kept. Encryption is asynchronous (the OS keychain may take a while or ask the artist), so
 * the stored key is decrypted once by `load()` at start-up and kept in memory; `getKey()` and
 * `status()` stay synchronous. A key stored with weak protection (Linux without a keyring) is
 * written only when the artist chose to save it (the settings default to session-only there).
 */
import type { KeyStatus } from '../../../shared/domain/api-key';
import { CastboardError } from '../../../shared/errors';
import type { Logger } from '../logger';
import { registerSecret } from '../logging/redact';

export type KeyProtection = 'encrypted' | 'plain-text-fallback' | 'unavailable';
export type StoredProtection = Exclude<KeyProtection, 'unavailable'>;

/** What safeStorage offers, reduced to what the vault needs. */
export interface SecretCipher {
  /** 'unavailable' when the OS offers no encryption at all (some Linux setups). Decided at start-up. */
  protection(): KeyProtection;
  encrypt(plainText: string, protection: StoredProtection): Promise<string>;
  /** `shouldReEncrypt`: the OS rotated its key; encrypt again and store the new ciphertext. */
  decrypt(cipherText: string, protection: StoredProtection): Promise<{ plainText: string; shouldReEncrypt: boolean }>;
}

/** Where the ciphertext lives (the settings file in the app). */
export interface SecretPersistence {
  read(): unknown;
  write(record: PersistedKey): void;
  clear(): void;
}

export interface PersistedKey {
  version: 1;
  cipherText: string;
  protection: StoredProtection;
}

export interface KeyVault {
  /** Decrypts the stored key, once, before the app needs it. A key that cannot be decrypted counts as none. */
  load(): Promise<void>;
  status(): KeyStatus;
  set(key: string, options: { sessionOnly: boolean }): Promise<KeyStatus>;
  clear(): KeyStatus;
  /** The key for the gateway client; undefined when none is set or it could not be decrypted. */
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
  /** The stored key in plain text, for the ciphertext it was read from or written as. */
  let stored: { cipherText: string; key: string } | undefined;

  function persisted(): PersistedKey | undefined {
    const record = persistence.read();
    return isPersistedKey(record) ? record : undefined;
  }

  function storedKey(): { key: string; protection: StoredProtection } | undefined {
    const record = persisted();
    return record && stored?.cipherText === record.cipherText ? { key: stored.key, protection: record.protection } : undefined;
  }

  function defaultStorage(): KeyStatus['storage'] {
    const protection = cipher.protection();
    return protection === 'unavailable' ? 'session-only' : protection;
  }

  function status(): KeyStatus {
    if (sessionKey) return { hasKey: true, last4: sessionKey.slice(-4), storage: 'session-only' };
    const current = storedKey();
    if (current) return { hasKey: true, last4: current.key.slice(-4), storage: current.protection };
    return { hasKey: false, last4: null, storage: defaultStorage() };
  }

  async function reEncrypt(key: string, protection: StoredProtection): Promise<void> {
    try {
      const cipherText = await cipher.encrypt(key, protection);
      persistence.write({ version: 1, cipherText, protection });
      stored = { cipherText, key };
    } catch {
      logger.warn('The stored API key could not be re-encrypted with the new system key; the old copy is kept.');
    }
  }

  return {
    status,
    async load() {
      const record = persisted();
      if (!record || stored?.cipherText === record.cipherText) return;
      try {
        const { plainText, shouldReEncrypt } = await cipher.decrypt(record.cipherText, record.protection);
        stored = { cipherText: record.cipherText, key: plainText };
        registerSecret(plainText); // every outgoing message is cut of it from now on
        if (shouldReEncrypt) await reEncrypt(plainText, record.protection);
      } catch {
        logger.warn('The stored API key could not be decrypted; it must be entered again.');
      }
    },
    async set(key, { sessionOnly }) {
      registerSecret(key); // every outgoing message is cut of it from now on
      const protection = cipher.protection();
      if (sessionOnly || protection === 'unavailable') {
        persistence.clear();
        stored = undefined;
        sessionKey = key;
        return status();
      }
      let cipherText: string;
      try {
        cipherText = await cipher.encrypt(key, protection);
      } catch (cause) {
        throw new CastboardError('KEY_STORAGE_UNAVAILABLE', 'Castboard could not encrypt the key on this computer. Tick "Keep for this session only" to use it until you quit.', { cause });
      }
      persistence.write({ version: 1, cipherText, protection });
      stored = { cipherText, key };
      sessionKey = undefined;
      return status();
    },
    clear() {
      persistence.clear();
      sessionKey = undefined;
      stored = undefined;
      return status();
    },
    getKey: () => sessionKey ?? storedKey()?.key,
  };
}
