/**
 * Builds the Electron-free services from adapters. The Electron composition root (index.ts) and
 * the browser harness both call this, with real or temp-folder adapters, so the harness runs the
 * very services the app runs. Push events leave through `events` (the registrar).
 */
import type { ConnectionTest } from '../../shared/domain/gateway';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { DialogPort } from '../services/dialogs';
import { createConsistencyService, type ConsistencyService } from '../services/consistency/consistency-service';
import { checkNewTakesInBackground } from '../services/consistency/background-check';
import { createSavedResults, type SavedResults } from '../services/consistency/saved-results';
import type { ShellPort } from '../services/shell';
import { testGatewayConnection } from '../services/gateway/connection-test';
import { createGenerationService, type GenerationService } from '../services/generation/generation-service';
import type { Logger } from '../services/logger';
import { createRedactingLogger, registeredSecrets } from '../services/logging/redact';
import { createRecentProjects } from '../services/project/recent-projects';
import { createKeyDestination, UNCONFIRMED_MESSAGE, type KeyDestination } from '../services/secrets/key-destination';
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
  /** Which gateway address the key may be sent to (see key-destination.ts). */
  readonly keyDestination: KeyDestination;
  readonly workspace: ProjectWorkspace;
  readonly generation: GenerationService;
  /** Local face comparison; its worker starts on the first check, never at start-up. */
  readonly consistency: ConsistencyService;
  /** Each project's last consistency outcomes, kept in its cache/ folder for the next open. */
  readonly savedConsistency: SavedResults;
  testConnection(): Promise<ConnectionTest>;
}

export function createAppServices(adapters: AppAdapters, events: EventSink): AppServices {
  // sharp's untrusted loaders are already blocked: every service reaches sharp only through
  // image-safety/sharp-gate.ts, which applies the block when it loads (lint enforces it).
  // Every service logs through redaction, whatever logger the app, harness or a test passes in.
  const logger = createRedactingLogger(adapters.logger, registeredSecrets);
  const settings = createSettingsService(adapters.settingsStore);
  const keyDestination = createKeyDestination(adapters.settingsStore, adapters.dialogs);
  const vault = createKeyVault({ cipher: adapters.cipher, persistence: adapters.secretPersistence, logger });
  const keyVault: KeyVault = {
    ...vault,
    // A key entered now is meant for the address in use now.
    async set(key, options) {
      const status = await vault.set(key, options);
      keyDestination.bind(settings.get().gatewayBaseUrl);
      return status;
    },
  };
  // First start with this rule: the address in use is the one the key was entered for.
  if (keyDestination.confirmedFor() === null) keyDestination.bind(settings.get().gatewayBaseUrl);
  /** The key, only for the address it is bound to (NO_API_KEY with what to do otherwise). */
  const keyForCurrentGateway = (): string | undefined => {
    const key = keyVault.getKey();
    if (key) keyDestination.assertMaySend(settings.get().gatewayBaseUrl);
    return key;
  };
  const consistency = createConsistencyService();
  const savedConsistency = createSavedResults();
  const checkNewTakes = checkNewTakesInBackground({
    consistency,
    workspace: () => {
      const root = workspace.root();
      return { root, project: root ? workspace.project() : null };
    },
    settings: () => settings.get(),
    logger,
    onResults: (results, checked) => {
      events.push('consistency:results', { results });
      void savedConsistency.remember(checked.root, checked.project, results);
    },
  });
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
    apiKey: keyForCurrentGateway,
    logger,
    fetch: adapters.fetch,
    onProgress: (snapshot) => events.push('jobs:progress', snapshot),
    onTakesAdded: (added) => {
      events.push('project:takesAdded', added);
      checkNewTakes(added.takes.map((take) => take.id));
    },
  });
  jobs.generation = generation;
  return {
    appInfo: adapters.appInfo,
    logger,
    dialogs: adapters.dialogs,
    shell: adapters.shell ?? null,
    settings,
    keyVault,
    keyDestination,
    workspace,
    generation,
    consistency,
    savedConsistency,
    async testConnection() {
      const { gatewayBaseUrl } = settings.get();
      if (keyVault.getKey() && keyDestination.pendingQuestion(gatewayBaseUrl)) return { ok: false, message: UNCONFIRMED_MESSAGE, models: [], balanceCents: null };
      return testGatewayConnection({ baseUrl: gatewayBaseUrl, apiKey: keyVault.getKey(), fetch: adapters.fetch });
    },
  };
}
