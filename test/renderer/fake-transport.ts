/**
 * An in-memory transport for component tests: the app, project and jobs channels answered from
 * plain state, shaped exactly as main answers them (envelopes), so the real createApi() and store
 * run unchanged. `emit` plays a push event from main.
 */
import type { KeyStatus } from '../../shared/domain/api-key';
import { SettingsSchema, type Settings } from '../../shared/domain/settings';
import type { Transport } from '../../shared/ipc/create-api';
import { createProjectBackend, projectAnswers, type ProjectBackend } from './fake-project-backend';

export interface FakeBackend {
  settings: Settings;
  key: string | null;
  protection: 'encrypted' | 'plain-text-fallback';
  sessionOnly: boolean;
  calls: Array<{ channel: string; payload: unknown }>;
  /** The balance key:test reports (the gateway's GET /balance); default 1200 cents. */
  balanceCents?: number | null;
  /** Called (and awaited) before a channel answers: lets a test hold an answer back. */
  gate?: (channel: string) => Promise<void> | void;
}

export interface FakeTransport {
  transport: Transport;
  backend: FakeBackend;
  main: ProjectBackend;
  emit(event: string, payload: unknown): void;
  callsTo(channel: string): unknown[];
}

export function createFakeTransport(initial: Partial<FakeBackend> = {}, project: Partial<ProjectBackend> = {}): FakeTransport {
  const backend: FakeBackend = {
    settings: SettingsSchema.parse({}),
    key: null,
    protection: 'encrypted',
    sessionOnly: false,
    calls: [],
    ...initial,
  };
  const main = createProjectBackend(project);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const emit = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const status = (): KeyStatus =>
    backend.key
      ? { hasKey: true, last4: backend.key.slice(-4), storage: backend.sessionOnly ? 'session-only' : backend.protection }
      : { hasKey: false, last4: null, storage: backend.protection };

  const answers: Record<string, (payload: never) => unknown> = {
    'settings:get': () => backend.settings,
    'settings:update': (patch: Partial<Settings>) => {
      backend.settings = { ...backend.settings, ...patch };
      return backend.settings;
    },
    'key:status': status,
    'key:set': ({ key, sessionOnly }: { key: string; sessionOnly?: boolean }) => {
      if (key.length < 8) return { error: { code: 'INVALID_REQUEST', message: 'That key looks too short.' } };
      backend.key = key;
      backend.sessionOnly = sessionOnly ?? false;
      return status();
    },
    'key:clear': () => {
      backend.key = null;
      return status();
    },
    'key:destination': () => ({ baseUrl: backend.settings.gatewayBaseUrl, needsConfirmation: false, message: null }),
    'key:test': () => ({ ok: true, message: 'Connected. Both Ideogram Character models are available.', models: [], balanceCents: backend.balanceCents === undefined ? 1200 : backend.balanceCents }),
    ...projectAnswers(main, emit),
  };

  const transport: Transport = {
    async invoke(channel, payload) {
      backend.calls.push({ channel, payload });
      await backend.gate?.(channel);
      const answer = answers[channel]?.(payload as never);
      if (answer && typeof answer === 'object' && 'error' in answer) return { ok: false, ...answer };
      return answer === undefined ? { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } } : { ok: true, value: answer };
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? listeners.set(event, new Set()).get(event);
      set?.add(listener);
      return () => set?.delete(listener);
    },
    mediaBaseUrl: 'castboard-media://project/',
  };
  const callsTo = (channel: string) => backend.calls.filter((call) => call.channel === channel).map((call) => call.payload);
  return { transport, backend, main, emit, callsTo };
}
