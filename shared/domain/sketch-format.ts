/**
 * How a sketch is drawn and stored, apart from its schema: the pen's greys and sizes, the limits,
 * and the compact strings a stroke's points are kept in. Free of zod (sketch.ts builds its schema
 * with these and re-exports them), so the sketch pad draws and saves without loading it.
 */
export const SKETCH_LIMITS = {
  maxStrokes: 5000,
  /** Triples per stroke; a long scribble is sampled at pointer rate, this is minutes of drawing. */
  maxPointsPerStroke: 4000,
} as const;

/** The greys of the pen, darkest first (0 = black, 255 = white paper). */
export const SKETCH_GREYS = [20, 90, 150, 200] as const;
/** The pen's widths offered on the sketch pad, in canvas pixels. */
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
