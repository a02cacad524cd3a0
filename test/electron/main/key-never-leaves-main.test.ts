/**
 * The whole app surface, wired as in the app (real services, dispatcher, register-all): after a
 * key is set, no answer to any channel and no push event contains it.
 */
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../../electron/main/app-services';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import { registerAll } from '../../../electron/main/ipc/register-all';
import type { Registrar } from '../../../electron/main/ipc/registrar';
import { silentLogger } from '../../../electron/services/logger';
import { channels, type ChannelName } from '../../../shared/ipc/contract';
import { startFakeGateway } from '../../fakes/gateway/fake-gateway';
import { createFakeCipher, createMemorySecret, createScriptedDialogs } from '../../harness/harness-adapters';

const KEY = 'sk-canary-5f1e2d3c4b5a';

describe('the API key never reaches the renderer', () => {
  it('appears in no channel answer and no push event', async () => {
    const gateway = await startFakeGateway({ apiKey: KEY });
    try {
      const data: Record<string, unknown> = {};
      const pushed: unknown[] = [];
      const services = createAppServices({
        settingsStore: { get: (k) => data[k], set: (k, v) => void (data[k] = v), delete: (k) => void delete data[k] },
        cipher: createFakeCipher('encrypted'),
        secretPersistence: createMemorySecret(),
        dialogs: createScriptedDialogs(),
        logger: silentLogger,
        appInfo: { version: 'test', platform: 'linux' },
      }, { push: (_event, payload) => void pushed.push(payload) });
      services.settings.update({ gatewayBaseUrl: gateway.url });
      const dispatcher = createDispatcher(silentLogger);
      const registrar: Registrar = { handle: (c, h) => dispatcher.register(c, h), push: (_e, p) => void pushed.push(p) };
      registerAll(registrar, services);

      const answers: unknown[] = [await dispatcher.dispatch('key:set', { key: KEY })];
      for (const name of Object.keys(channels) as ChannelName[]) {
        if (name === 'key:set' || name === 'key:clear') continue;
        answers.push(await dispatcher.dispatch(name, undefined));
      }
      const test = answers.find((answer) => JSON.stringify(answer).includes('Connected'));
      expect(test, 'the key works against the gateway').toBeDefined();
      expect(gateway.requests.some((request) => request.hasAuthorization)).toBe(true);
      for (const payload of [...answers, ...pushed]) expect(JSON.stringify(payload)).not.toContain(KEY);
      expect(JSON.stringify(data)).not.toContain(KEY);
    } finally {
      await gateway.close();
    }
  });
});
