import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../../electron/main/ipc/dispatcher';
import { silentLogger } from '../../../../electron/services/logger';
import { CastboardError } from '../../../../shared/errors';

const status = { hasKey: true, last4: '1234', storage: 'encrypted' as const };

describe('dispatcher', () => {
  it('parses the payload before the handler runs and hands it the parsed value', async () => {
    const dispatcher = createDispatcher(silentLogger);
    const handler = vi.fn(() => status);
    dispatcher.register('key:set', handler);
    const answer = await dispatcher.dispatch('key:set', { key: '  sk-abcdefgh1234 ' });
    expect(answer).toEqual({ ok: true, value: status });
    expect(handler).toHaveBeenCalledWith({ key: 'sk-abcdefgh1234', sessionOnly: false });
  });

  it.each([undefined, null, 'sk-abcdefgh1234', { key: 42 }, { key: 'sk-abcdefgh1234', extra: true }])(
    'rejects the bad payload %j without running the handler',
    async (payload) => {
      const dispatcher = createDispatcher(silentLogger);
      const handler = vi.fn(() => status);
      dispatcher.register('key:set', handler);
      const answer = await dispatcher.dispatch('key:set', payload);
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it("says what is wrong with a request's field in the schema's own words, without the field's code name", async () => {
    const dispatcher = createDispatcher(silentLogger);
    dispatcher.register('key:set', () => status);
    const answer = await dispatcher.dispatch('key:set', { key: 'sk-12' });
    expect(answer).toEqual({ ok: false, error: { code: 'INVALID_REQUEST', message: 'That key looks too short. Paste the whole key from your AIgateway dashboard.' } });
  });

  it('answers UNKNOWN_CHANNEL for names outside the contract or without a handler', async () => {
    const dispatcher = createDispatcher(silentLogger);
    await expect(dispatcher.dispatch('fs:readFile', '/etc/passwd')).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    await expect(dispatcher.dispatch('key:status', undefined)).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    await expect(dispatcher.dispatch('__proto__', undefined)).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('passes CastboardError messages through and hides internal errors', async () => {
    const logger = { ...silentLogger, error: vi.fn() };
    const dispatcher = createDispatcher(logger);
    dispatcher.register('key:test', () => {
      throw new CastboardError('NO_API_KEY', 'Add your AIgateway API key first.');
    });
    dispatcher.register('key:status', () => {
      throw new Error('ENOENT /home/artist/.config/secret-path');
    });
    await expect(dispatcher.dispatch('key:test', null)).resolves.toEqual({
      ok: false,
      error: { code: 'NO_API_KEY', message: 'Add your AIgateway API key first.' },
    });
    const hidden = await dispatcher.dispatch('key:status', null);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(hidden)).not.toContain('secret-path');
    expect(logger.error).toHaveBeenCalledOnce();
  });

  it('never sends an answer that breaks the contract (e.g. one carrying the key)', async () => {
    const dispatcher = createDispatcher(silentLogger);
    dispatcher.register('key:status', () => ({ ...status, key: 'sk-live-secret' }) as typeof status);
    const answer = await dispatcher.dispatch('key:status', undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(answer)).not.toContain('sk-live-secret');
  });

  it('refuses to register a channel twice', () => {
    const dispatcher = createDispatcher(silentLogger);
    dispatcher.register('key:status', () => status);
    expect(() => dispatcher.register('key:status', () => status)).toThrow(/twice/);
  });

  it('validates push event payloads', () => {
    const dispatcher = createDispatcher(silentLogger);
    expect(dispatcher.checkEvent('key:changed', status)).toEqual(status);
    expect(() => dispatcher.checkEvent('key:changed', { ...status, key: 'sk' } as typeof status)).toThrow();
  });
});
