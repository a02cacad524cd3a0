/**
 * A panel's sketch as data: the strokes the artist drew, so a sketch can be reopened and edited
 * after "Use sketch" turned it into a PNG take. Coordinates are in sketch space (0..1 of the
 * canvas width and height), so a sketch survives a change of display size. A stroke's points are
 * one compact string of whole numbers (a 2,000-stroke sketch of short strokes is well under 1 MB).
 * Bounds exist so a damaged or hostile file cannot make the app allocate without limit.
 */
import { z } from 'zod';
import { isStrokeNumbers, isStrokeTriples } from './project-rules';

export const SKETCH_LIMITS = {
  maxStrokes: 5000,
  /** Triples per stroke; a long scribble is sampled at pointer rate, this is minutes of drawing. */
  maxPointsPerStroke: 4000,
} as const;

/** The greys of the pen, darkest first (0 = black, 255 = white paper). */
export const SKETCH_GREYS = [20, 90, 150, 200] as const;
export const SKETCH_SIZES = [2, 4, 8, 16] as const;

const COORDINATE_SCALE = 10_000;
const PRESSURE_SCALE = 100;

/** Flat x, y (0..1, a little outside while the pointer is captured) and pressure (0..1) as stored. */
export function encodePoints(values: readonly number[]): string {
  return values
    .map((value, index) => {
      const pressure = index % 3 === 2;
      const scaled = Math.round(value * (pressure ? PRESSURE_SCALE : COORDINATE_SCALE));
      return Math.max(pressure ? 0 : -COORDINATE_SCALE, Math.min(pressure ? PRESSURE_SCALE : 2 * COORDINATE_SCALE, scaled));
    })
    .join(' ');
}

/** The stored string back to flat x, y, pressure values in 0..1. */
export function decodePoints(text: string): number[] {
  if (text === '') return [];
  return text.split(' ').map((part, index) => Number(part) / (index % 3 === 2 ? PRESSURE_SCALE : COORDINATE_SCALE));
}

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
    /** The take drawn over ("start from the current take"); it is painted under the strokes. */
    baseTakeId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type Sketch = z.infer<typeof SketchSchema>;

export const EMPTY_SKETCH: Sketch = { strokes: [] };
