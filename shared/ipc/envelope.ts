/**
 * The wire shape of every IPC answer. Handlers never throw across the boundary (Electron would
 * flatten the error into an unhelpful string); they answer `{ ok: false, error: { code, message } }`.
 * Read without zod: the renderer reads one per answer, from its first moment.
 */
import { isErrorCode, type SerializedError } from '../errors';

export { LOST_CONTACT_MESSAGE } from './lost-contact';

export type Envelope = { ok: true; value: unknown } | { ok: false; error: SerializedError };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The envelope `answer` is (extra keys dropped), or null when it is not one. */
export function readEnvelope(answer: unknown): Envelope | null {
  if (!isRecord(answer)) return null;
  if (answer.ok === true) return { ok: true, value: answer.value };
  const error = answer.error;
  if (answer.ok !== false || !isRecord(error) || typeof error.message !== 'string' || typeof error.code !== 'string' || !isErrorCode(error.code)) return null;
  return { ok: false, error: { code: error.code, message: error.message } };
}
