/**
 * Runs one IPC call: the request is `unknown` until the contract's zod schema has parsed it; only
 * then does the handler run. The answer is checked against the response schema too (strict
 * schemas, so a handler can never leak an extra field such as a key; response-schemas.ts skips
 * re-parsing a project document that already came out of the same schema). Every outcome becomes an
 * Envelope; failures become `{ code, message }` and internal errors are logged, not sent.
 * Nothing leaves with a secret in it: error messages are redacted (the API key, bearer tokens,
 * `sk-` keys), answers and push events are cut of the known secrets (logging/redact.ts).
 * Shared by the Electron registrar and the browser harness so both validate identically.
 */
import type { z } from 'zod';
import { CastboardError, type SerializedError } from '../../../shared/errors';
import { channels, events, isChannelName, type ChannelName, type EventName, type EventPayload } from '../../../shared/ipc/contract';
import type { Envelope } from '../../../shared/ipc/envelope';
import type { Logger } from '../../services/logger';
import { redactOutgoing, redactSecretsDeep } from '../../services/logging/redact';
import type { Handler } from './registrar';
import { responseSchema } from './response-schemas';

export interface Dispatcher {
  register<C extends ChannelName>(channel: C, handler: Handler<C>): void;
  dispatch(channel: string, payload: unknown): Promise<Envelope>;
  /** Validates a push event payload before it is sent anywhere. */
  checkEvent<E extends EventName>(event: E, payload: EventPayload<E>): EventPayload<E>;
}

function describeInvalid(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request was not valid.';
  // A field of the request itself is the one the artist just filled in ("key": the message says
  // "That key looks too short"): its name would only be code in the sentence. Deeper paths say
  // where in the data the problem is (panels.3.scenePrompt).
  const where = issue.path.length > 1 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

export function serializeError(error: unknown, logger: Logger, channel: string): SerializedError {
  if (error instanceof CastboardError) return { code: error.code, message: redactOutgoing(error.message) };
  logger.error('IPC handler failed', { channel, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  return { code: 'INTERNAL', message: 'Something went wrong inside Castboard. Your work was not changed; the details are in the log.' };
}

export function createDispatcher(logger: Logger): Dispatcher {
  const handlers = new Map<ChannelName, (request: unknown) => unknown>();

  return {
    register(channel, handler) {
      if (handlers.has(channel)) throw new Error(`IPC channel ${channel} registered twice`);
      handlers.set(channel, handler as (request: unknown) => unknown);
    },

    async dispatch(channel, payload) {
      const handler = isChannelName(channel) ? handlers.get(channel) : undefined;
      if (!isChannelName(channel) || !handler) {
        return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Castboard has no command called "${channel}".` } };
      }
      const request = channels[channel].request.safeParse(payload);
      if (!request.success) {
        return { ok: false, error: { code: 'INVALID_REQUEST', message: describeInvalid(request.error) } };
      }
      try {
        const value = await handler(request.data);
        return { ok: true, value: redactSecretsDeep(responseSchema(channel).parse(value)) };
      } catch (error) {
        return { ok: false, error: serializeError(error, logger, channel) };
      }
    },

    checkEvent(event, payload) {
      return redactSecretsDeep(events[event].parse(payload) as EventPayload<typeof event>);
    },
  };
}
