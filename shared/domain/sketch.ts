/**
 * A panel's sketch as data: the strokes the artist drew, so a sketch can be reopened and edited
 * after "Use sketch" turned it into a PNG take. Coordinates are in sketch space (0..1 of the
 * canvas width and height), so a sketch survives a change of display size. A stroke is a flat
 * list of x, y, pressure triples (compact JSON: a 2,000-stroke sketch stays a few MB at most).
 * Bounds exist so a damaged or hostile file cannot make the app allocate without limit.
 */
import { z } from 'zod';

export const SKETCH_LIMITS = {
  maxStrokes: 5000,
  /** Triples per stroke; a long scribble is sampled at pointer rate, this is minutes of drawing. */
  maxPointsPerStroke: 4000,
} as const;

/** The greys of the pen, darkest first (0 = black, 255 = white paper). */
export const SKETCH_GREYS = [20, 90, 150, 200] as const;
export const SKETCH_SIZES = [2, 4, 8, 16] as const;

export const SketchStrokeSchema = z
  .object({
    tool: z.enum(['pen', 'eraser']),
    /** Grey level 0-255 of a pen stroke (ignored for the eraser). */
    grey: z.number().int().min(0).max(255),
    /** Nominal width in pixels of a 1000-pixel-wide canvas. */
    size: z.number().min(0.5).max(200),
    /** x, y (0..1) and pressure (0..1), repeated. */
    points: z
      .array(z.number().min(-1).max(2))
      .max(SKETCH_LIMITS.maxPointsPerStroke * 3)
      .refine((values) => values.length % 3 === 0, 'a stroke is a list of x, y, pressure triples'),
  })
  .strict();
export type SketchStroke = z.infer<typeof SketchStrokeSchema>;

export const SketchSchema = z
  .object({
    strokes: z.array(SketchStrokeSchema).max(SKETCH_LIMITS.maxStrokes),
    /** The take drawn over ("start from the current take"); it is painted under the strokes. */
    baseTakeId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type Sketch = z.infer<typeof SketchSchema>;

export const EMPTY_SKETCH: Sketch = { strokes: [] };
