/**
 * Pointer drawing on the sketch canvas: pointer down starts a stroke (captured, so leaving the
 * canvas mid-stroke keeps drawing), moves add x, y, pressure in sketch space, up commits it.
 * Committed strokes are painted once into an offscreen layer; a move repaints only that layer
 * plus the stroke in progress, so a 2,000-stroke sketch stays responsive while drawing.
 */
import { useCallback, useEffect, useRef, type PointerEvent } from 'react';
import type { SketchStroke } from '../../../shared/domain/project';
import { encodePoints } from '../../../shared/domain/sketch-format';
import { drawSketch, drawStroke } from './sketch-strokes';

export interface Pen {
  tool: SketchStroke['tool'];
  grey: number;
  size: number;
}

export function useSketchCanvas(strokes: readonly SketchStroke[], pen: Pen, onStroke: (stroke: SketchStroke) => void) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const committed = useRef<HTMLCanvasElement | null>(null);
  /** The stroke being drawn, and its raw points (encoded as they grow; a stroke is a few hundred points). */
  const current = useRef<SketchStroke | null>(null);
  const raw = useRef<number[]>([]);

  const paint = useCallback(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || !committed.current) return;
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.drawImage(committed.current, 0, 0);
    if (current.current) drawStroke(context, current.current);
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const layer = document.createElement('canvas');
    Object.assign(layer, { width: canvas.width, height: canvas.height });
    const context = layer.getContext('2d');
    if (context) drawSketch(context, strokes);
    committed.current = layer;
    paint();
  }, [strokes, paint]);

  const pointAt = (event: PointerEvent<HTMLCanvasElement>): number[] => {
    const rect = event.currentTarget.getBoundingClientRect();
    return [(event.clientX - rect.left) / rect.width, (event.clientY - rect.top) / rect.height, event.pressure || 0.5];
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    raw.current = pointAt(event);
    current.current = { tool: pen.tool, grey: pen.grey, size: pen.tool === 'eraser' ? pen.size * 3 : pen.size, points: encodePoints(raw.current) };
    paint();
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const stroke = current.current;
    if (!stroke) return;
    raw.current.push(...pointAt(event));
    current.current = { ...stroke, points: encodePoints(raw.current) };
    paint();
  };
  const onPointerUp = () => {
    const stroke = current.current;
    current.current = null;
    if (stroke) onStroke(stroke);
  };

  return { canvasRef, handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp } };
}
