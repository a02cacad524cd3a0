/**
 * Builds the Electron-free services from adapters. The Electron composition root (index.ts) and
 * the browser harness both call this, with real or temp-folder adapters, so the harness runs the
 * very services the app runs. Push events leave through `events` (the registrar).
 */
import type { ConnectionTest } from '../../shared/domain/gateway';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { DialogPort } from '../services/dialogs';
import type { ShellPort } from '../services/shell';
import { testGatewayConnection } from '../services/gateway/connection-test';
import { createGenerationService, type GenerationService } from '../services/generation/generation-service';
import type { Logger } from '../services/logger';
import { createRecentProjects } from '../services/project/recent-projects';
import { createKeyVault, type KeyVault, type SecretCipher, type SecretPersistence } from '../services/secrets/key-vault';
import { createSettingsService, type KeyValueStore, type SettingsService } from '../services/settings/settings-service';
import { createProjectWorkspace, type ProjectWorkspace } from '../services/workspace/project-workspace';

export interface AppAdapters {
  settingsStore: KeyValueStore;
  cipher: SecretCipher;
  secretPersistence: SecretPersistence;
  logger: Logger;
  dialogs: DialogPort;
  /** Shows a finished export (folder or file); absent where nothing can be shown. */
  shell?: ShellPort;
  appInfo: { version: string; platform: string };
  /** The fetch used for gateway calls (tests and the harness may wrap it to record traffic). */
  fetch?: typeof globalThis.fetch;
}

export interface EventSink {
  push<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export interface AppServices {
  readonly appInfo: AppAdapters['appInfo'];
  readonly logger: Logger;
  readonly dialogs: DialogPort;
  readonly shell: ShellPort | null;
  readonly settings: SettingsService;
  readonly keyVault: KeyVault;
  readonly workspace: ProjectWorkspace;
  readonly generation: GenerationService;
  testConnection(): Promise<ConnectionTest>;
}

export function createAppServices(adapters: AppAdapters, events: EventSink): AppServices {
  const { logger } = adapters;
  const settings = createSettingsService(adapters.settingsStore);
  const keyVault = createKeyVault({ cipher: adapters.cipher, persistence: adapters.secretPersistence, logger });
  // Filled just below; the workspace asks it whether paid jobs are running before closing.
  const jobs: { generation?: GenerationService } = {};
  const workspace = createProjectWorkspace({
    dialogs: adapters.dialogs,
    recent: createRecentProjects(adapters.settingsStore),
    logger,
    autosaveDelayMs: () => settings.get().autosaveDelayMs,
    onStatus: (status) => events.push('project:status', status),
    jobsRunning: () => jobs.generation?.isBusy() ?? false,
  });
  const generation = createGenerationService({
    workspace,
    settings: () => settings.get(),
    apiKey: () => keyVault.getKey(),
    logger,
    fetch: adapters.fetch,
    onProgress: (snapshot) => events.push('jobs:progress', snapshot),
    onTakesAdded: (added) => events.push('project:takesAdded', added),
  });
  jobs.generation = generation;
  return {
    appInfo: adapters.appInfo,
    logger,
    dialogs: adapters.dialogs,
    shell: adapters.shell ?? null,
    settings,
    keyVault,
    workspace,
    generation,
    testConnection: () => testGatewayConnection({ baseUrl: settings.get().gatewayBaseUrl, apiKey: keyVault.getKey(), fetch: adapters.fetch }),
  };
}
