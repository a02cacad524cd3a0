/**
 * Pixel-level helpers for export tests: solid-colour panel images in a temp folder, decoding of
 * exported PNGs, and probes (pixel colour, dark "ink" pixels in a rectangle).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { CastboardError } from '../../../../shared/errors';

export type Rgb = [number, number, number];

export interface Decoded {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Distinct, saturated colours: far from each other, from white, black and the placeholder grey. */
export const PANEL_COLOURS: Rgb[] = [
  [220, 20, 60],
  [30, 144, 255],
  [50, 205, 50],
  [255, 140, 0],
  [148, 0, 211],
  [0, 206, 209],
  [255, 20, 147],
  [139, 69, 19],
  [128, 128, 0],
  [0, 0, 139],
  [178, 34, 34],
  [46, 139, 87],
];

export function colourFor(index: number): Rgb {
  const base = PANEL_COLOURS[index % PANEL_COLOURS.length] as Rgb;
  // Past the palette, shift the colour so every panel stays unique.
  const shift = Math.floor(index / PANEL_COLOURS.length) * 7;
  return [Math.max(0, base[0] - shift), Math.max(0, base[1] - shift), Math.max(0, base[2] - shift)];
}

export async function makeTempDir(prefix = 'castboard-export-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export async function solidPng(dir: string, name: string, colour: Rgb, width = 192, height = 108): Promise<string> {
  const file = path.join(dir, name);
  await sharp({ create: { width, height, channels: 3, background: { r: colour[0], g: colour[1], b: colour[2] } } }).png().toFile(file);
  return file;
}

export async function decode(file: string | Buffer): Promise<Decoded> {
  const { data, info } = await sharp(file, { limitInputPixels: false }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

export function pixelAt(image: Decoded, x: number, y: number): Rgb {
  const offset = (Math.round(y) * image.width + Math.round(x)) * image.channels;
  return [image.data[offset] ?? -1, image.data[offset + 1] ?? -1, image.data[offset + 2] ?? -1];
}

export function near(actual: Rgb, expected: Rgb, tolerance = 2): boolean {
  return actual.every((value, channel) => Math.abs(value - (expected[channel] ?? 0)) <= tolerance);
}

/** Pixels in `rect` whose every channel is below `threshold`: ink on a light background. */
export function countDark(image: Decoded, rect: Rect, threshold = 110): number {
  let count = 0;
  for (let y = rect.top; y < rect.top + rect.height; y += 1) {
    for (let x = rect.left; x < rect.left + rect.width; x += 1) {
      const [r, g, b] = pixelAt(image, x, y);
      if (r < threshold && g < threshold && b < threshold) count += 1;
    }
  }
  return count;
}

/** Pixels in `rect` that differ from `colour` by more than `tolerance` on some channel. */
export function countDifferent(image: Decoded, rect: Rect, colour: Rgb, tolerance = 2): number {
  let count = 0;
  for (let y = rect.top; y < rect.top + rect.height; y += 1) {
    for (let x = rect.left; x < rect.left + rect.width; x += 1) {
      if (!near(pixelAt(image, x, y), colour, tolerance)) count += 1;
    }
  }
  return count;
}

/** Every entry of `dir` (including hidden temp files). */
export async function listDir(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

/** The CastboardError a promise rejects with; anything else (or success) fails the test. */
export async function failure(promise: Promise<unknown>): Promise<CastboardError> {
  const error = await promise.then(
    () => new Error('expected the export to fail'),
    (caught: unknown) => caught,
  );
  if (error instanceof CastboardError) return error;
  throw error;
}
