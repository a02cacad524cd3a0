/**
 * createApi(transport) turns the contract into the typed `CastboardApi` the renderer uses:
 * `api.settings.update({...})`, `api.on('jobs:progress', fn)`. It runs in the renderer's own
 * bundle, on the data-only bridge the preload exposes (create-bridge.ts: envelopes, never thrown
 * errors, because contextBridge keeps only an error's message); here envelopes become values or
 * `CastboardError`s of the renderer's own class, so `isCastboardError` and `error.code` work.
 * The browser harness exposes the same bridge over HTTP; the renderer cannot tell them apart.
 * Answers are checked against the contract here too, so a main-side bug surfaces as a clear
 * error instead of a malformed object deep inside the UI. Main is the trusted side and has already
 * parsed every answer with the same schema before sending it (electron/main/ipc/dispatcher.ts), so
 * this check is for bugs, not attacks: with `answerCheck: 'shape'` (production builds) the bulk
 * answers (the whole project, tens of milliseconds to parse at 500 panels) get a cheap check of
 * their outline instead; every other answer, and every answer in dev and test builds, is parsed fully.
 */
import type { z } from 'zod';
import { CastboardError } from '../errors';
import {
  channels,
  events,
  type ChannelName,
  type EventName,
  type EventPayload,
  type RequestInput,
  type ResponseOf,
} from './contract';
import { projectAnswerShapes } from './channels/project';
import { EnvelopeSchema, LOST_CONTACT_MESSAGE } from './envelope';

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

export interface ApiOptions {
  /** 'full' (the default): every answer is parsed with its contract schema. 'shape': bulk answers only get their outline checked. */
  readonly answerCheck?: 'full' | 'shape';
}

const answerShapes: Partial<Record<ChannelName, z.ZodType>> = projectAnswerShapes;

function answerSchema(name: ChannelName, check: ApiOptions['answerCheck']): z.ZodType {
  return (check === 'shape' ? answerShapes[name] : undefined) ?? channels[name].response;
}

function unwrap<C extends ChannelName>(name: C, answer: unknown, check: ApiOptions['answerCheck']): ResponseOf<C> {
  const envelope = EnvelopeSchema.safeParse(answer);
  if (!envelope.success) {
    throw new CastboardError('INTERNAL', `Castboard's main process sent an unreadable answer to ${name}.`);
  }
  if (!envelope.data.ok) throw new CastboardError(envelope.data.error.code, envelope.data.error.message);
  const value = answerSchema(name, check).safeParse(envelope.data.value);
  if (!value.success) {
    throw new CastboardError('INTERNAL', `Castboard's main process sent an answer to ${name} that does not match the contract.`);
  }
  return value.data as ResponseOf<C>;
}

export function createApi(transport: Transport, options: ApiOptions = {}): CastboardApi {
  const domains: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const name of Object.keys(channels) as ChannelName[]) {
    const [domain = '', verb = ''] = name.split(':');
    (domains[domain] ??= {})[verb] = async (request?: unknown) => {
      let answer: unknown;
      try {
        answer = await transport.invoke(name, request);
      } catch (cause) {
        throw new CastboardError('INTERNAL', LOST_CONTACT_MESSAGE, { cause });
      }
      return unwrap(name, answer, options.answerCheck);
    };
  }

  const extras = {
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return transport.subscribe(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<E>);
      });
    },
    mediaUrl(relativePath: string): string {
      return transport.mediaBaseUrl + relativePath.split('/').map(encodeURIComponent).join('/');
    },
  };
  return Object.freeze(Object.assign(domains, extras)) as unknown as CastboardApi;
}
