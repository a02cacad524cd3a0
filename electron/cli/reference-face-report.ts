/**
 * Whether the consistency check can use a character's reference image, as the CLI says it: the
 * verdict the app's character card gives (one face / no face / several faces and which one is
 * used / unreadable), from the same detection and the same descriptor cache (cache/faces.json),
 * in the same words. It informs and never fails the command: the character was already saved.
 * The detection runs after the project is saved and unlocked, so the app is never kept waiting.
 */
import { referenceFaceFailedMessage, referenceFaceMessage, type ReferenceFaceCheck } from '../../shared/domain/reference-face';
import type { ImageRef } from '../../shared/domain/project';
import { createConsistencyService } from '../services/consistency/consistency-service';
import type { CliIo } from './cli-io';
import { shellWord } from './shell-word';

export interface ReferenceFaceReport {
  /** The verdict, or null when the detection could not run (then `error` says why). */
  check: ReferenceFaceCheck | null;
  /** The line to print: the card's words, plus the command that fixes an unreadable image. */
  message: string;
  error: string | null;
}

export async function referenceFaceReport(io: CliIo, target: { root: string; dir: string; name: string; image: ImageRef }): Promise<ReferenceFaceReport> {
  io.stderr('Looking for a face in the reference image…');
  const service = createConsistencyService();
  try {
    const check = await service.referenceFace(target.root, target.image);
    const fix = check.verdict === 'unreadable' ? ` Run: castboard character set ${shellWord(target.dir)} --character ${shellWord(target.name)} --image <file>` : '';
    return { check, message: `${referenceFaceMessage(check)}${fix}`, error: null };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { check: null, message: referenceFaceFailedMessage(detail), error: detail };
  } finally {
    await service.close();
  }
}
