/**
 * A panel's sketch as data: the strokes the artist drew, so a sketch can be reopened and edited
 * after "Use sketch" turned it into a PNG take. Coordinates are in sketch space (0..1 of the
 * canvas width and height), so a sketch survives a change of display size. A stroke's points are
 * one compact string of whole numbers (a 2,000-stroke sketch of short strokes is well under 1 MB).
 * Bounds exist so a damaged or hostile file cannot make the app allocate without limit.
 * The limits, pen values and point encoding are in sketch-format.ts (free of zod), re-exported here.
 */
import { z } from 'zod';
import { isStrokeNumbers, isStrokeTriples } from './project-rules';
import { SKETCH_LIMITS } from './sketch-format';

export * from './sketch-format';

export const SketchStrokeSchema = z
  .object({
    tool: z.enum(['pen', 'eraser']),
    /** Grey level 0-255 of a pen stroke (ignored for the eraser). */
    grey: z.number().int().min(0).max(255),
    /** Nominal width in pixels of a 1000-pixel-wide canvas. */
    size: z.number().min(0.5).max(200),
    /**
     * x, y and pressure, repeated, as whole numbers in one space-separated string (x and y in
     * ten-thousandths of the canvas, pressure in hundredths): a few bytes a point, and one
     * string in project.json rather than a pretty-printed line per number. See encodePoints.
     */
    points: z
      .string()
      .max(SKETCH_LIMITS.maxPointsPerStroke * 3 * 7)
      .refine(isStrokeNumbers, 'a stroke is a list of whole numbers separated by spaces')
      .refine(isStrokeTriples, 'a stroke is a list of x, y, pressure triples'),
  })
  .strict();
export type SketchStroke = z.infer<typeof SketchStrokeSchema>;

export const SketchSchema = z
  .object({
    strokes: z.array(SketchStrokeSchema).max(SKETCH_LIMITS.maxStrokes),
    /** The take drawn over ("Draw over the take on the board" in the sketch pad); it is painted under the strokes. */
    baseTakeId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type Sketch = z.infer<typeof SketchSchema>;

export const EMPTY_SKETCH: Sketch = { strokes: [] };
