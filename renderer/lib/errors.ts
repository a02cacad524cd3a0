/** Turns anything thrown by an API call into one sentence for the artist. */
import { isCastboardError } from '../../shared/errors';

export function messageOf(error: unknown): string {
  if (isCastboardError(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}
