/**
 * The wire shape of every IPC answer. Handlers never throw across the boundary (Electron would
 * flatten the error into an unhelpful string); they answer `{ ok: false, error: { code, message } }`.
 */
import { z } from 'zod';
import { SerializedErrorSchema } from '../error-schemas';
import type { SerializedError } from '../errors';

export { LOST_CONTACT_MESSAGE } from './lost-contact';

export type Envelope = { ok: true; value: unknown } | { ok: false; error: SerializedError };

export const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: SerializedErrorSchema }),
]);
