/**
 * The wire shape of every IPC answer. Handlers never throw across the boundary (Electron would
 * flatten the error into an unhelpful string); they answer `{ ok: false, error: { code, message } }`.
 */
import { z } from 'zod';
import { SerializedErrorSchema } from '../error-schemas';
import type { SerializedError } from '../errors';

/** What either side of the bridge says when main stopped answering. */
export const LOST_CONTACT_MESSAGE = 'Castboard lost contact with its main process. Restart the app; your saved work is safe.';

export type Envelope = { ok: true; value: unknown } | { ok: false; error: SerializedError };

export const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: SerializedErrorSchema }),
]);
