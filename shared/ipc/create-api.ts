/**
 * createApi(transport) turns the contract into the typed `CastboardApi` the renderer uses:
 * `api.settings.update({...})`, `api.on('jobs:progress', fn)`. It runs in the renderer's own
 * bundle, on the data-only bridge the preload exposes (create-bridge.ts: envelopes, never thrown
 * errors, because contextBridge keeps only an error's message); here envelopes become values or
 * `CastboardError`s of the renderer's own class, so `isCastboardError` and `error.code` work.
 * The browser harness exposes the same bridge over HTTP; the renderer cannot tell them apart.
 * Answers and push events are checked against the contract here too (answer-schemas.ts), so a
 * main-side bug surfaces as a clear error instead of a malformed object deep inside the UI. Main
 * is the trusted side and has already parsed every answer with its schema before sending it
 * (electron/main/ipc/dispatcher.ts), so this check is for bugs, not attacks. It runs as checks
 * compiled from those schemas (answer-checks.ts): the renderer's start builds no zod
 * schema and a 500-panel project is checked in a few milliseconds. Only what a compiled check
 * refuses or cannot decide loads the schemas, and zod decides.
 */
import type { z } from 'zod';
import { failed } from '../compiled-checks/kit';
import { CastboardError } from '../errors';
import type * as AnswerSchemas from './answer-schemas';
import type { ChannelName, EventName, EventPayload, RequestInput, ResponseOf } from './contract';
import { answerChecks, eventChecks } from './answer-checks';
import { LOST_CONTACT_MESSAGE, readEnvelope } from './envelope';
import { CHANNEL_NAMES } from './names';

/** The bridge's shape, and what the preload and the harness build it from. */
export interface Transport {
  /** Resolves to an Envelope; rejects only when the transport itself fails (never across the bridge). */
  invoke(channel: ChannelName, payload: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
  /** Base URL under which project media (images, thumbnails) are served. Ends with '/'. */
  readonly mediaBaseUrl: string;
}

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type Domain = DomainOf<ChannelName>;

type Method<C extends ChannelName> = undefined extends RequestInput<C>
  ? (request?: RequestInput<C>) => Promise<ResponseOf<C>>
  : (request: RequestInput<C>) => Promise<ResponseOf<C>>;

export type CastboardApi = {
  readonly [D in Domain]: { readonly [C in ChannelName as C extends `${D}:${infer V}` ? V : never]: Method<C> };
} & {
  /** Subscribe to a push event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** URL for a project-relative media path such as `images/<sha>.png`. */
  mediaUrl(relativePath: string): string;
};

type Schemas = typeof AnswerSchemas;
let schemas: Promise<Schemas> | undefined;

/** What zod says of a value a compiled check refused or could not decide: its output, or null when it refuses too. */
async function decideWithZod(pick: (loaded: Schemas) => z.ZodType, value: unknown): Promise<{ data: unknown } | null> {
  schemas ??= import('./answer-schemas');
  const parsed = pick(await schemas).safeParse(value);
  return parsed.success ? { data: parsed.data } : null;
}

async function unwrap<C extends ChannelName>(name: C, answer: unknown): Promise<ResponseOf<C>> {
  const envelope = readEnvelope(answer);
  if (!envelope) throw new CastboardError('INTERNAL', `Castboard's main process sent an unreadable answer to ${name}.`);
  if (!envelope.ok) throw new CastboardError(envelope.error.code, envelope.error.message);
  const checked = answerChecks[name](envelope.value);
  if (!failed(checked)) return checked as ResponseOf<C>;
  const decided = await decideWithZod((loaded) => loaded.answerSchemas[name], envelope.value);
  if (!decided) throw new CastboardError('INTERNAL', `Castboard's main process sent an answer to ${name} that does not match the contract.`);
  return decided.data as ResponseOf<C>;
}

/**
 * Checks each push event of one subscription and hands it on in the order it came: one that zod
 * must decide holds back the ones after it until it is decided. Malformed events are dropped.
 */
function checkedListener(event: EventName, listener: (payload: unknown) => void): (payload: unknown) => void {
  let waiting: Promise<void> | null = null;
  return (payload) => {
    const checked = eventChecks[event](payload);
    if (!waiting && !failed(checked)) return listener(checked);
    const deliver = async () => {
      const decided = failed(checked) ? await decideWithZod((loaded) => loaded.eventSchemas[event], payload) : { data: checked };
      if (decided) listener(decided.data);
    };
    // A listener that throws here has no caller to throw to: it is reported as uncaught, and the
    // events after it still arrive.
    const rethrow = (error: unknown) =>
      queueMicrotask(() => {
        throw error;
      });
    const next: Promise<void> = (waiting ?? Promise.resolve()).then(deliver).catch(rethrow);
    waiting = next;
    void next.finally(() => {
      if (waiting === next) waiting = null;
    });
  };
}

export function createApi(transport: Transport): CastboardApi {
  const domains: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const name of CHANNEL_NAMES) {
    const [domain = '', verb = ''] = name.split(':');
    (domains[domain] ??= {})[verb] = async (request?: unknown) => {
      let answer: unknown;
      try {
        answer = await transport.invoke(name, request);
      } catch (cause) {
        throw new CastboardError('INTERNAL', LOST_CONTACT_MESSAGE, { cause });
      }
      return unwrap(name, answer);
    };
  }

  const extras = {
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return transport.subscribe(event, checkedListener(event, listener as (payload: unknown) => void));
    },
    mediaUrl(relativePath: string): string {
      return transport.mediaBaseUrl + relativePath.split('/').map(encodeURIComponent).join('/');
    },
  };
  return Object.freeze(Object.assign(domains, extras)) as unknown as CastboardApi;
}
