import { describe, expect, it } from 'vitest';
import { encodePoints, type SketchStroke } from '../../../shared/domain/project';
import { sketchReducer, startHistory } from '../../../renderer/features/sketch/sketch-history';

const stroke = (x: number): SketchStroke => ({ tool: 'pen', grey: 20, size: 4, points: encodePoints([x, 0.5, 0.5, x + 0.1, 0.6, 0.5]) });

describe('sketch stroke history', () => {
  it('undoes and redoes strokes one at a time, and Clear as one step', () => {
    const [a, b] = [stroke(0.1), stroke(0.2)];
    let history = startHistory([]);
    history = sketchReducer(history, { type: 'add', stroke: a });
    history = sketchReducer(history, { type: 'add', stroke: b });
    history = sketchReducer(history, { type: 'clear' });
    expect(history.present).toEqual([]);
    history = sketchReducer(history, { type: 'undo' });
    expect(history.present).toEqual([a, b]);
    history = sketchReducer(history, { type: 'undo' });
    expect(history.present).toEqual([a]);
    history = sketchReducer(history, { type: 'redo' });
    expect(history.present).toEqual([a, b]);
  });

  it('a new stroke after an undo drops the redo steps', () => {
    let history = sketchReducer(startHistory([]), { type: 'add', stroke: stroke(0.1) });
    history = sketchReducer(history, { type: 'undo' });
    history = sketchReducer(history, { type: 'add', stroke: stroke(0.3) });
    expect(sketchReducer(history, { type: 'redo' })).toBe(history);
  });

  it('undoes the strokes of a sketch reopened from the project, newest first', () => {
    const saved = [stroke(0.1), stroke(0.2), stroke(0.3)];
    let history = sketchReducer(startHistory(saved), { type: 'undo' });
    expect(history.present).toEqual(saved.slice(0, 2));
    history = sketchReducer(history, { type: 'undo' });
    expect(history.present).toEqual(saved.slice(0, 1));
    history = sketchReducer(history, { type: 'redo' });
    expect(history.present).toEqual(saved.slice(0, 2));
  });
});
