/**
 * Pure arithmetic on face descriptors (no model, no I/O): which face in a reference image is the
 * character, and how far a take's faces are from it.
 */

/** Close-ups and dark faces score below face-api's default 0.5; 0.3 still rejects flat art. */
export const MIN_DETECTION_CONFIDENCE = 0.3;

export interface FaceLike {
  score: number;
  /** [x, y, width, height] as fractions of the image. */
  box: [number, number, number, number];
  descriptor: number[];
}

export function descriptorDistance(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`Descriptor lengths differ: ${a.length} vs ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) {
    const d = a[i]! - b[i]!;
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/** The character in a reference image: its largest face (a portrait's subject dominates it). */
export function referenceFace<F extends FaceLike>(faces: readonly F[]): F | null {
  let best: F | null = null;
  for (const face of faces) {
    if (!best || face.box[2] * face.box[3] > best.box[2] * best.box[3]) best = face;
  }
  return best;
}

/** Distance of the closest face to the reference; null when there is no face. */
export function closestDistance(faces: readonly FaceLike[], reference: readonly number[]): number | null {
  let best: number | null = null;
  for (const face of faces) {
    const distance = descriptorDistance(face.descriptor, reference);
    if (best === null || distance < best) best = distance;
  }
  return best;
}
