/**
 * The app's services built as the app builds them (createAppServices), with test adapters:
 * settings in a plain object, a fake cipher, the key in memory, scripted dialogs. No vitest here,
 * so child processes started by tests can use it too.
 */
import { createAppServices, type AppServices, type EventSink } from '../../../../electron/main/app-services';
import { silentLogger, type Logger } from '../../../../electron/services/logger';
import { createFakeCipher, createMemorySecret, createScriptedDialogs } from '../../../harness/harness-adapters';

export interface TestServicesOptions {
  store?: Record<string, unknown>;
  logger?: Logger;
  push?: EventSink['push'];
}

export function testServices(options: TestServicesOptions = {}): { services: AppServices; dialogs: ReturnType<typeof createScriptedDialogs>; store: Record<string, unknown> } {
  const store = options.store ?? {};
  const dialogs = createScriptedDialogs();
  const services = createAppServices(
    {
      settingsStore: { get: (k) => store[k], set: (k, v) => void (store[k] = v), delete: (k) => void delete store[k] },
      cipher: createFakeCipher('encrypted'),
      secretPersistence: createMemorySecret(),
      dialogs,
      logger: options.logger ?? silentLogger,
      appInfo: { version: 'test', platform: 'linux' },
    },
    { push: options.push ?? (() => undefined) },
  );
  return { services, dialogs, store };
}
