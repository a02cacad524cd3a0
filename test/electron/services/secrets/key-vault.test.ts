import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../electron/services/logger';
import { createKeyVault, type KeyProtection, type PersistedKey, type SecretCipher } from '../../../../electron/services/secrets/key-vault';

const KEY = 'sk-live-0123456789abcd';

function cipher(protection: KeyProtection = 'encrypted', options: { reEncrypt?: boolean } = {}): SecretCipher {
  return {
    protection: () => protection,
    encrypt: async (text, stored) => `${stored}:${Buffer.from(text).reverse().toString('base64')}`,
    decrypt: async (text) => ({ plainText: Buffer.from(text.replace(/^[a-z-]+:/, ''), 'base64').reverse().toString(), shouldReEncrypt: options.reEncrypt ?? false }),
  };
}

function memory() {
  let record: unknown;
  return { read: () => record, write: (value: PersistedKey) => void (record = value), clear: () => void (record = undefined), peek: () => record as PersistedKey | undefined };
}

describe('key vault', () => {
  it('starts without a key and says how a key would be kept', () => {
    const vault = createKeyVault({ cipher: cipher(), persistence: memory(), logger: silentLogger });
    expect(vault.status()).toEqual({ hasKey: false, last4: null, storage: 'encrypted' });
    expect(vault.getKey()).toBeUndefined();
  });

  it('persists only ciphertext and reports the last four characters', async () => {
    const persistence = memory();
    const vault = createKeyVault({ cipher: cipher(), persistence, logger: silentLogger });
    expect(await vault.set(KEY, { sessionOnly: false })).toEqual({ hasKey: true, last4: 'abcd', storage: 'encrypted' });
    expect(JSON.stringify(persistence.peek())).not.toContain(KEY);
    expect(vault.getKey()).toBe(KEY);
    // A restart: a new vault over the same persisted record has the key once loaded.
    const restarted = createKeyVault({ cipher: cipher(), persistence, logger: silentLogger });
    await restarted.load();
    expect(restarted.getKey()).toBe(KEY);
    expect(restarted.status()).toEqual({ hasKey: true, last4: 'abcd', storage: 'encrypted' });
  });

  it('stores the key again when the OS asks for re-encryption after a key rotation', async () => {
    const persistence = memory();
    await createKeyVault({ cipher: cipher(), persistence, logger: silentLogger }).set(KEY, { sessionOnly: false });
    const base = cipher('encrypted', { reEncrypt: true });
    const rotating: SecretCipher = { ...base, encrypt: async (text) => `rotated:${Buffer.from(text).reverse().toString('base64')}` };
    const restarted = createKeyVault({ cipher: rotating, persistence, logger: silentLogger });
    await restarted.load();
    expect(persistence.peek()).toMatchObject({ version: 1, protection: 'encrypted', cipherText: expect.stringMatching(/^rotated:/) });
    expect(restarted.getKey()).toBe(KEY);
    expect(restarted.status().hasKey).toBe(true);
  });

  it('keeps a session-only key in memory and removes any persisted one', async () => {
    const persistence = memory();
    const vault = createKeyVault({ cipher: cipher(), persistence, logger: silentLogger });
    await vault.set('sk-older-key-0000', { sessionOnly: false });
    expect(await vault.set(KEY, { sessionOnly: true })).toEqual({ hasKey: true, last4: 'abcd', storage: 'session-only' });
    expect(persistence.peek()).toBeUndefined();
    const restarted = createKeyVault({ cipher: cipher(), persistence, logger: silentLogger });
    await restarted.load();
    expect(restarted.status().hasKey).toBe(false);
  });

  it('stores a key under the basic_text fallback only when asked to, labelled as weakly protected', async () => {
    const persistence = memory();
    const weak = cipher('plain-text-fallback');
    const encrypt = vi.spyOn(weak, 'encrypt');
    const vault = createKeyVault({ cipher: weak, persistence, logger: silentLogger });
    expect(vault.status().storage).toBe('plain-text-fallback');
    expect((await vault.set(KEY, { sessionOnly: true })).storage).toBe('session-only');
    expect(encrypt).not.toHaveBeenCalled();
    expect((await vault.set(KEY, { sessionOnly: false })).storage).toBe('plain-text-fallback');
    expect(encrypt).toHaveBeenCalledWith(KEY, 'plain-text-fallback');
    expect(persistence.peek()).toMatchObject({ protection: 'plain-text-fallback' });
  });

  it('falls back to session-only when the OS offers no encryption at all', async () => {
    const persistence = memory();
    const vault = createKeyVault({ cipher: cipher('unavailable'), persistence, logger: silentLogger });
    expect((await vault.set(KEY, { sessionOnly: false })).storage).toBe('session-only');
    expect(persistence.peek()).toBeUndefined();
  });

  it('refuses with a clear message when encryption fails, keeping nothing', async () => {
    const persistence = memory();
    const failing = { ...cipher(), encrypt: () => Promise.reject(new Error('keychain locked')) };
    const vault = createKeyVault({ cipher: failing, persistence, logger: silentLogger });
    await expect(vault.set(KEY, { sessionOnly: false })).rejects.toMatchObject({ code: 'KEY_STORAGE_UNAVAILABLE' });
    expect(persistence.peek()).toBeUndefined();
    expect(vault.getKey()).toBeUndefined();
  });

  it('treats an undecryptable key as no key, and asks for it again', async () => {
    const persistence = memory();
    await createKeyVault({ cipher: cipher(), persistence, logger: silentLogger }).set(KEY, { sessionOnly: false });
    const warn = vi.fn();
    const broken = { ...cipher(), decrypt: () => Promise.reject(new Error('keychain locked')) };
    const vault = createKeyVault({ cipher: broken, persistence, logger: { ...silentLogger, warn } });
    await vault.load();
    expect(vault.status().hasKey).toBe(false);
    expect(vault.getKey()).toBeUndefined();
    expect(warn).toHaveBeenCalled();
  });

  it('clear() forgets both kinds of key', async () => {
    const persistence = memory();
    const vault = createKeyVault({ cipher: cipher(), persistence, logger: silentLogger });
    await vault.set(KEY, { sessionOnly: false });
    expect(vault.clear()).toEqual({ hasKey: false, last4: null, storage: 'encrypted' });
    expect(vault.getKey()).toBeUndefined();
    expect(persistence.peek()).toBeUndefined();
  });
});
