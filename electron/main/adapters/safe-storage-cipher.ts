/**
 * Electron's safeStorage as the key vault's cipher, through its asynchronous API
 * (isAsyncEncryptionAvailable / encryptStringAsync / decryptStringAsync; the synchronous calls are
 * deprecated in Electron 45). How the key can be kept is decided once, at start-up, after the app
 * is ready:
 *  - Linux with the `basic_text` backend (no keyring): 'plain-text-fallback'. safeStorage then
 *    refuses to encrypt until setUsePlainTextEncryption(true); that is called only when the vault
 *    encrypts or decrypts a weakly protected key, i.e. after the artist chose to save it anyway.
 *    Should the asynchronous encryptor still refuse, the synchronous one (which Electron documents
 *    with setUsePlainTextEncryption, and whose output decryptStringAsync reads) is used for it;
 *  - otherwise 'encrypted' when the OS encryptor is available, else 'unavailable' (session only).
 */
import { safeStorage } from 'electron';
import type { KeyProtection, SecretCipher, SecretPersistence, StoredProtection } from '../../services/secrets/key-vault';
import type { KeyValueStore } from '../../services/settings/settings-service';

async function detectProtection(platform: NodeJS.Platform): Promise<KeyProtection> {
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'plain-text-fallback';
  const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false);
  return available ? 'encrypted' : 'unavailable';
}

/** Runs `asynchronous`; for a weakly protected key, falls back to `synchronous` if it refuses. */
async function weakAware<T>(protection: StoredProtection, asynchronous: () => Promise<T>, synchronous: () => T): Promise<T> {
  if (protection !== 'plain-text-fallback') return asynchronous();
  safeStorage.setUsePlainTextEncryption(true); // the artist's choice: save the key with weak protection
  try {
    return await asynchronous();
  } catch {
    return synchronous();
  }
}

export async function createSafeStorageCipher(platform: NodeJS.Platform = process.platform): Promise<SecretCipher> {
  const protection = await detectProtection(platform);
  return {
    protection: () => protection,
    async encrypt(plainText, stored) {
      const bytes = await weakAware(stored, () => safeStorage.encryptStringAsync(plainText), () => safeStorage.encryptString(plainText));
      return bytes.toString('base64');
    },
    async decrypt(cipherText, stored) {
      const bytes = Buffer.from(cipherText, 'base64');
      const { result, shouldReEncrypt } = await weakAware(stored, () => safeStorage.decryptStringAsync(bytes), () => ({ result: safeStorage.decryptString(bytes), shouldReEncrypt: false }));
      return { plainText: result, shouldReEncrypt };
    },
  };
}

export function createStoredSecret(store: KeyValueStore): SecretPersistence {
  return {
    read: () => store.get('apiKey'),
    write: (record) => store.set('apiKey', record),
    clear: () => store.delete('apiKey'),
  };
}
