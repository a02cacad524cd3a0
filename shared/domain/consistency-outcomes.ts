/**
 * The consistency check's outcomes and the words for them, shared by the service, the CLI, the
 * contact sheet and the renderer. A checked take has one of three outcomes, and "not checked" is
 * never a pass:
 *   consistent   the closest face in the take is within the threshold of the character's face;
 *   drifted      a face was found, but none is within the threshold;
 *   not-checked  nothing to measure (no face found, no reference face, no image...), with why.
 * Distances are Euclidean distances between 128-d face descriptors (0 = identical; the same
 * person usually scores below 0.5, different people above it).
 * Free of zod (consistency.ts builds the schemas from these lists and re-exports them), so the
 * board's badges and the threshold slider need no schema.
 */

export const DEFAULT_CONSISTENCY_THRESHOLD = 0.5;
export const CONSISTENCY_THRESHOLD_RANGE = { min: 0.2, max: 0.9 } as const;

export const CONSISTENCY_STATUSES = ['consistent', 'drifted', 'not-checked'] as const;
export type ConsistencyStatus = (typeof CONSISTENCY_STATUSES)[number];

/** Why a take could not be scored. */
export const NOT_CHECKED_REASONS = ['no-image', 'image-unreadable', 'no-character', 'no-reference', 'reference-unreadable', 'no-reference-face', 'no-face'] as const;
export type NotCheckedReason = (typeof NOT_CHECKED_REASONS)[number];

export const NOT_CHECKED_TEXT: Readonly<Record<NotCheckedReason, string>> = {
  'no-image': 'the panel has no image yet',
  'image-unreadable': 'the image is missing or damaged',
  'no-character': 'the panel features no character',
  'no-reference': 'the character has no reference image',
  // The character names an image, but its file is gone or damaged: a different fix from "add one".
  'reference-unreadable': "the character's reference image file is missing or damaged: choose the image again in the character card",
  'no-reference-face': "no face was found in the character's reference image",
  'no-face': 'no face was found (the panel may be too stylised, or show no face)',
};

/**
 * The same reasons in a few words, for the contact sheet's one-line consistency caption: the long
 * text was cut there with an ellipsis before its point ("Not checked: the panel has no…").
 * Every caption stays within CONSISTENCY_CAPTION_MAX characters, one line of a default cell.
 */
export const NOT_CHECKED_SHORT: Readonly<Record<NotCheckedReason, string>> = {
  'no-image': 'no image yet',
  'image-unreadable': 'image missing or damaged',
  'no-character': 'no character in the panel',
  'no-reference': 'no reference image',
  'reference-unreadable': 'reference image unreadable',
  'no-reference-face': 'no face in the reference',
  'no-face': 'no face found',
};
export const CONSISTENCY_CAPTION_MAX = 40;

/** What a label is made of: a take's outcome (any TakeConsistency is one). */
export interface ConsistencyOutcome {
  status: ConsistencyStatus;
  /** Distance of the closest face to the reference; null when not checked. */
  distance: number | null;
  reason: NotCheckedReason | null;
}

/** The outcome for a distance (the threshold itself still counts as consistent). */
export function statusForDistance(distance: number, threshold: number): 'consistent' | 'drifted' {
  return distance <= threshold ? 'consistent' : 'drifted';
}

/** A short label for badges and captions, e.g. "Consistent (0.31)", "Not checked: no face found". */
export function consistencyLabel(result: ConsistencyOutcome): string {
  const distance = result.distance === null ? '' : ` (${result.distance.toFixed(2)})`;
  if (result.status === 'consistent') return `Consistent${distance}`;
  if (result.status === 'drifted') return `Drifted${distance}`;
  return `Not checked: ${result.reason ? NOT_CHECKED_TEXT[result.reason] : 'nothing to measure'}`;
}

/** The contact sheet's caption: the label, with the short reason when not checked. */
export function consistencyCaption(result: ConsistencyOutcome): string {
  if (result.status !== 'not-checked') return consistencyLabel(result);
  return `Not checked: ${result.reason ? NOT_CHECKED_SHORT[result.reason] : 'nothing to measure'}`;
}
