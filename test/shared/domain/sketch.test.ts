import { describe, expect, it } from 'vitest';
import { decodePoints, encodePoints, PanelSchema, SketchStrokeSchema } from '../../../shared/domain/project';
import { createPanel } from '../../../shared/domain/project-edit';

describe('sketch strokes in the project', () => {
  it('stores points compactly and reads them back to a ten-thousandth', () => {
    const values = [0.12345, 0.5, 0.5, 0.98761, 0.00004, 0.73];
    const text = encodePoints(values);
    expect(text).toBe('1235 5000 50 9876 0 73');
    decodePoints(text).forEach((value, index) => expect(value).toBeCloseTo(values[index] ?? 0, 3));
  });

  it('keeps a captured pointer a little outside the canvas, but bounded', () => {
    expect(encodePoints([-5, 3, 2])).toBe('-10000 20000 100');
  });

  it('refuses points that are not whole-number triples', () => {
    const stroke = { tool: 'pen', grey: 20, size: 4 } as const;
    expect(SketchStrokeSchema.safeParse({ ...stroke, points: '1 2 3 4 5 6' }).success).toBe(true);
    expect(SketchStrokeSchema.safeParse({ ...stroke, points: '1 2' }).success).toBe(false);
    expect(SketchStrokeSchema.safeParse({ ...stroke, points: '1 2 x' }).success).toBe(false);
    expect(SketchStrokeSchema.safeParse({ ...stroke, points: '1  2 3' }).success).toBe(false);
  });

  it('leaves a panel without a sketch as it was (older project files open unchanged)', () => {
    const panel = createPanel({ scenePrompt: 'a' });
    expect(PanelSchema.parse(panel)).toEqual(panel);
    expect(PanelSchema.parse({ ...panel, sketch: { strokes: [] } }).sketch).toEqual({ strokes: [] });
  });
});
