/**
 * Electron's safeStorage as the key vault's cipher. On Linux without a keyring, safeStorage falls
 * back to the `basic_text` backend (a hard-coded password): reported as 'plain-text-fallback' so
 * the UI can warn and offer session-only storage.
 */
import { safeStorage } from 'electron';
import type { SecretCipher, SecretPersistence } from '../../services/secrets/key-vault';
import type { KeyValueStore } from '../../services/settings/settings-service';

export function createSafeStorageCipher(): SecretCipher {
  return {
    protection() {
      if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
      if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'plain-text-fallback';
      return 'encrypted';
    },
    encrypt: (plainText) => safeStorage.encryptString(plainText).toString('base64'),
    decrypt: (cipherText) => safeStorage.decryptString(Buffer.from(cipherText, 'base64')),
  };
}

export function createStoredSecret(store: KeyValueStore): SecretPersistence {
  return {
    read: () => store.get('apiKey'),
    write: (record) => store.set('apiKey', record),
    clear: () => store.delete('apiKey'),
  };
}
