/**
 * Under a character's reference image: whether the consistency check can use it, told as soon as
 * the image is added (or the card shows one), so the artist does not learn it from a board of
 * "not checked" panels after paying for them. It informs, it never stops generating. A face
 * found is said quietly; no face, several faces or an unreadable image is a warning.
 */
import type { ImageRef } from '../../../shared/domain/project';
import { referenceFaceFailedMessage, referenceFaceMessage } from '../../../shared/domain/reference-face';
import { useReferenceFace } from '../../ui/use-reference-face';

export function ReferenceFaceNote({ image }: { image: ImageRef | null }) {
  const state = useReferenceFace(image);
  if (!state) return null;
  if (state.status === 'checking') {
    return (
      <p className="field-hint" role="status" data-reference-face="checking">
        Looking for a face in the reference image…
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <p className="field-hint" role="status" data-reference-face="failed">
        {referenceFaceFailedMessage(state.message)}
      </p>
    );
  }
  const { check } = state;
  const fine = check.verdict === 'one-face';
  return (
    <p className={fine ? 'field-hint' : 'callout callout-warning small'} role="status" data-reference-face={check.verdict}>
      {referenceFaceMessage(check)}
    </p>
  );
}
