/** The close-up rule's geometry: when a second look is needed, and mapping faces back from the padded image. */
import { describe, expect, it } from 'vitest';
import { CLOSE_UP_PADDING, closestDistance, facesFromPadded, needsContext, originalRegion, referenceFace, type FaceLike } from '../../../../electron/services/consistency/face-math';

const face = (box: FaceLike['box'], descriptor = [0, 0]): FaceLike => ({ score: 0.9, box, descriptor });

describe('face geometry', () => {
  it('asks for context when nothing was found, a face touches an edge, or fills the frame', () => {
    expect(needsContext([])).toBe(true);
    expect(needsContext([face([0.3, 0.2, 0.2, 0.3])])).toBe(false);
    expect(needsContext([face([0.01, 0.2, 0.2, 0.3])])).toBe(true);
    expect(needsContext([face([0.3, 0.2, 0.2, 0.79])])).toBe(true);
    expect(needsContext([face([0.3, 0.2, 0.2, 0.6])])).toBe(true);
  });

  it('maps faces back from the padded image and drops the mirrored copies in the padding', () => {
    const { offset, size } = originalRegion(CLOSE_UP_PADDING);
    const real = face([offset, offset, size / 2, size / 2]);
    const mirrored = face([0, offset, offset / 2, size / 2]);
    const mapped = facesFromPadded([real, mirrored]);
    expect(mapped).toHaveLength(1);
    expect(mapped[0]!.box.map((value) => Number(value.toFixed(6)))).toEqual([0, 0, 0.5, 0.5]);
  });

  it('takes the largest face as the reference and the closest face as the score', () => {
    expect(referenceFace([face([0, 0, 0.1, 0.1], [1, 0]), face([0, 0, 0.3, 0.3], [2, 0])])?.descriptor).toEqual([2, 0]);
    expect(closestDistance([face([0, 0, 1, 1], [3, 4]), face([0, 0, 1, 1], [0, 1])], [0, 0])).toBe(1);
    expect(closestDistance([], [0, 0])).toBeNull();
  });
});
