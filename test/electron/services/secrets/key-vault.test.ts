import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../electron/services/logger';
import { createKeyVault, type PersistedKey, type SecretCipher } from '../../../../electron/services/secrets/key-vault';

const KEY = 'sk-live-0123456789abcd';

function cipher(protection: ReturnType<SecretCipher['protection']> = 'encrypted'): SecretCipher {
  return {
    protection: () => protection,
    encrypt: (text) => Buffer.from(text).reverse().toString('base64'),
    decrypt: (text) => Buffer.from(text, 'base64').reverse().toString(),
  };
}

function memory() {
  let record: unknown;
  return { read: () => record, write: (value: PersistedKey) => void (record = value), clear: () => void (record = undefined), peek: () => record };
}

describe('key vault', () => {
  it('starts without a key and says how a key would be kept', () => {
    const vault = createKeyVault({ cipher: cipher(), persistence: memory(), logger: silentLogger });
    expect(vault.status()).toEqual({ hasKey: false, last4: null, storage: 'encrypted' });
    expect(vault.getKey()).toBeUndefined();
  });

  it('persists only ciphertext and reports the last four characters', () => {
    const persistence = memory();
    const vault = createKeyVault({ cipher: cipher(), persistence, logger: silentLogger });
    expect(vault.set(KEY, { sessionOnly: false })).toEqual({ hasKey: true, last4: 'abcd', storage: 'encrypted' });
    expect(JSON.stringify(persistence.peek())).not.toContain(KEY);
    expect(vault.getKey()).toBe(KEY);
    // A restart: a new vault over the same persisted record still has the key.
    const restarted = createKeyVault({ cipher: cipher(), persistence, logger: silentLogger });
    expect(restarted.getKey()).toBe(KEY);
  });

  it('keeps a session-only key in memory and removes any persisted one', () => {
    const persistence = memory();
    const vault = createKeyVault({ cipher: cipher(), persistence, logger: silentLogger });
    vault.set('sk-older-key-0000', { sessionOnly: false });
    expect(vault.set(KEY, { sessionOnly: true })).toEqual({ hasKey: true, last4: 'abcd', storage: 'session-only' });
    expect(persistence.peek()).toBeUndefined();
    expect(createKeyVault({ cipher: cipher(), persistence, logger: silentLogger }).status().hasKey).toBe(false);
  });

  it('labels keys stored under the basic_text fallback as weakly protected', () => {
    const vault = createKeyVault({ cipher: cipher('plain-text-fallback'), persistence: memory(), logger: silentLogger });
    expect(vault.status().storage).toBe('plain-text-fallback');
    expect(vault.set(KEY, { sessionOnly: false }).storage).toBe('plain-text-fallback');
  });

  it('falls back to session-only when the OS offers no encryption at all', () => {
    const persistence = memory();
    const vault = createKeyVault({ cipher: cipher('unavailable'), persistence, logger: silentLogger });
    expect(vault.set(KEY, { sessionOnly: false }).storage).toBe('session-only');
    expect(persistence.peek()).toBeUndefined();
  });

  it('treats an undecryptable key as no key, and asks for it again', () => {
    const persistence = memory();
    createKeyVault({ cipher: cipher(), persistence, logger: silentLogger }).set(KEY, { sessionOnly: false });
    const warn = vi.fn();
    const broken = { ...cipher(), decrypt: () => { throw new Error('keychain locked'); } };
    const vault = createKeyVault({ cipher: broken, persistence, logger: { ...silentLogger, warn } });
    expect(vault.status().hasKey).toBe(false);
    expect(vault.getKey()).toBeUndefined();
    expect(warn).toHaveBeenCalled();
  });

  it('clear() forgets both kinds of key', () => {
    const persistence = memory();
    const vault = createKeyVault({ cipher: cipher(), persistence, logger: silentLogger });
    vault.set(KEY, { sessionOnly: false });
    expect(vault.clear()).toEqual({ hasKey: false, last4: null, storage: 'encrypted' });
    expect(vault.getKey()).toBeUndefined();
    expect(persistence.peek()).toBeUndefined();
  });
});
