/**
 * Drawing a sketch: stroke shapes from `perfect-freehand` (pressure where the device reports it,
 * simulated from speed for a mouse), painted with Path2D onto a canvas. Strokes are stored in
 * sketch space (0..1), so the same data draws at any canvas size; the eraser cuts strokes away
 * (destination-out), leaving what is under the canvas (paper, or the take drawn over) visible.
 */
import { getStroke } from 'perfect-freehand';
import type { AspectRatio, SketchStroke } from '../../../shared/domain/project';
import { decodePoints } from '../../../shared/domain/sketch-format';
import { SIZE_BY_ASPECT_RATIO } from '../../../shared/generation/ideogram-request';

/** The sketch canvas: the project's aspect ratio at about the size Ideogram renders. */
export function sketchCanvasSize(aspectRatio: AspectRatio): { width: number; height: number } {
  return SIZE_BY_ASPECT_RATIO[aspectRatio];
}

/** The stored points as perfect-freehand points in canvas pixels. */
function canvasPoints(values: readonly number[], width: number, height: number): number[][] {
  const points: number[][] = [];
  for (let index = 0; index + 2 < values.length; index += 3) {
    points.push([(values[index] ?? 0) * width, (values[index + 1] ?? 0) * height, values[index + 2] ?? 0.5]);
  }
  return points;
}

/** A mouse reports no real pressure (0.5 while pressed, or 0): let perfect-freehand simulate it from speed. */
function hasRealPressure(values: readonly number[]): boolean {
  for (let index = 2; index < values.length; index += 3) {
    const pressure = values[index] ?? 0.5;
    if (pressure !== 0.5 && pressure !== 0) return true;
  }
  return false;
}

/** Shapes already computed, per stroke object and canvas size: an undo or a redraw only fills them. */
const shapes = new WeakMap<SketchStroke, { width: number; height: number; path: Path2D }>();

export function strokePath(stroke: SketchStroke, width: number, height: number): Path2D {
  const cached = shapes.get(stroke);
  if (cached && cached.width === width && cached.height === height) return cached.path;
  const values = decodePoints(stroke.points);
  const outline = getStroke(canvasPoints(values, width, height), {
    size: (stroke.size * width) / 1000,
    thinning: stroke.tool === 'eraser' ? 0 : 0.6,
    smoothing: 0.5,
    streamline: 0.4,
    simulatePressure: !hasRealPressure(values),
    last: true,
  });
  const path = new Path2D();
  outline.forEach(([x, y], index) => (index === 0 ? path.moveTo(x ?? 0, y ?? 0) : path.lineTo(x ?? 0, y ?? 0)));
  path.closePath();
  shapes.set(stroke, { width, height, path });
  return path;
}

export function drawStroke(context: CanvasRenderingContext2D, stroke: SketchStroke): void {
  const { width, height } = context.canvas;
  context.save();
  context.globalCompositeOperation = stroke.tool === 'eraser' ? 'destination-out' : 'source-over';
  context.fillStyle = stroke.tool === 'eraser' ? '#000' : `rgb(${stroke.grey}, ${stroke.grey}, ${stroke.grey})`;
  context.fill(strokePath(stroke, width, height));
  context.restore();
}

/** Clears the canvas and paints every stroke, oldest first. */
export function drawSketch(context: CanvasRenderingContext2D, strokes: readonly SketchStroke[]): void {
  context.clearRect(0, 0, context.canvas.width, context.canvas.height);
  for (const stroke of strokes) drawStroke(context, stroke);
}

/**
 * The PNG that "Use sketch" keeps: strokes on white paper, or on transparency when they were drawn
 * over a take (main lays them over that take, see panel-image-import.ts).
 */
export async function sketchPng(strokes: readonly SketchStroke[], size: { width: number; height: number }, overTake: boolean): Promise<Blob> {
  const strokesCanvas = document.createElement('canvas');
  Object.assign(strokesCanvas, size);
  const strokesContext = strokesCanvas.getContext('2d');
  if (!strokesContext) throw new Error('This window cannot draw (no 2D canvas).');
  drawSketch(strokesContext, strokes);
  let output = strokesCanvas;
  if (!overTake) {
    output = document.createElement('canvas');
    Object.assign(output, size);
    const paper = output.getContext('2d');
    if (!paper) throw new Error('This window cannot draw (no 2D canvas).');
    paper.fillStyle = '#fff';
    paper.fillRect(0, 0, size.width, size.height);
    paper.drawImage(strokesCanvas, 0, 0);
  }
  return new Promise((resolve, reject) => output.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The sketch could not be turned into an image.'))), 'image/png'));
}
