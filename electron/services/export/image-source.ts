/**
 * Where an export gets the bytes of a panel image. A project export passes the project's confined
 * reader (project-sheet-input.ts): images are read only from inside the project folder, never
 * through a link, FIFO or device, and only complete PNGs. Callers that export standalone files
 * (tests, benchmarks) get the default reader: a regular file under the image cap, never through a
 * final link. Either way sharp only ever sees bytes that passed the decode gate (decodeImage),
 * never a path.
 */
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';
import { READ_CAPS } from '../project/project-files';
import { readRegularFile } from '../project/safe-file';

/** Reads the image an export input names (its `imagePath`). Throws when it cannot be read safely. */
export type ImageReader = (imagePath: string) => Promise<Buffer>;

export const readStandaloneImage: ImageReader = (imagePath) =>
  readRegularFile(imagePath, { maxBytes: READ_CAPS.image, label: `The image "${path.basename(imagePath)}"` });

/** A one-line reason for the export report, naming the file. */
export function unreadableReason(imagePath: string, error: unknown): string {
  if (error instanceof CastboardError) return error.message;
  const code = (error as { code?: unknown }).code;
  return `The image "${imagePath}" could not be read${typeof code === 'string' ? ` (${code})` : ''}.`;
}
