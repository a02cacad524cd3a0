/**
 * Whether the consistency check can use a character's reference image, and the words for it:
 * told on the character card as soon as the image is added (and in the batch dialog before
 * paying), so the artist does not learn it from a board of "not checked" panels after generating.
 * The verdict comes from the check's own face detection (electron/services/consistency), so what
 * the card says is exactly what the check will do. Free of zod (consistency.ts builds the schema).
 */

export const REFERENCE_FACE_VERDICTS = ['one-face', 'no-face', 'several-faces', 'unreadable'] as const;
export type ReferenceFaceVerdict = (typeof REFERENCE_FACE_VERDICTS)[number];

/** Where, across the image, the face the check uses is (told when there are several). */
export const FACE_POSITIONS = ['left', 'centre', 'right'] as const;
export type FacePosition = (typeof FACE_POSITIONS)[number];

export interface ReferenceFaceCheck {
  verdict: ReferenceFaceVerdict;
  /** Faces found (0 when none, or when the image cannot be read). */
  faces: number;
  /** The face the check compares panels with (the largest); null when there is none. */
  chosen: FacePosition | null;
}

export const GOOD_REFERENCE_TIP = 'A good reference shows one clear, front-facing face.';

/** The position of a face box ([x, y, width, height] as fractions of the image) across the image. */
export function facePosition(box: readonly [number, number, number, number]): FacePosition {
  const centre = box[0] + box[2] / 2;
  return centre < 1 / 3 ? 'left' : centre > 2 / 3 ? 'right' : 'centre';
}

/** Whether the check can compare panels with this reference (with several faces it picks one). */
export function isUsableReference(check: ReferenceFaceCheck): boolean {
  return check.verdict === 'one-face' || check.verdict === 'several-faces';
}

/** What the character card says about its reference image. */
export function referenceFaceMessage(check: ReferenceFaceCheck): string {
  switch (check.verdict) {
    case 'one-face':
      return 'Face found: the consistency check can compare panels with this image.';
    case 'no-face':
      return `No face was found in this image, so the consistency check cannot compare panels with it. ${GOOD_REFERENCE_TIP}`;
    case 'several-faces': {
      const where = check.chosen === 'centre' ? 'in the centre' : check.chosen ? `on the ${check.chosen}` : '';
      return `${check.faces} faces were found: the consistency check will use the largest one${where ? `, ${where}` : ''}. ${GOOD_REFERENCE_TIP}`;
    }
    case 'unreadable':
      return 'This image cannot be read, so the consistency check cannot use it. Choose the image again.';
  }
}

/** What is said when the face detection itself could not run (the check's worker failed). */
export function referenceFaceFailedMessage(detail: string): string {
  return `Could not look for a face in this image: ${detail}`;
}

/** The batch dialog's warning for a featured character whose reference has no usable face. */
export function referenceBatchWarning(name: string, check: ReferenceFaceCheck): string {
  const problem = check.verdict === 'unreadable' ? 'cannot be read' : 'shows no face';
  return `${name}'s reference image ${problem}, so the consistency check will not be able to check these panels. ${GOOD_REFERENCE_TIP} You can still generate.`;
}
