/**
 * Panel-like input images for the export benches: 1536x1024 PNGs (the model's 3:2 output size),
 * `DISTINCT` different ones repeated by copy, generated once per run into a temp folder.
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

export const WIDTH = 1536;
export const HEIGHT = 1024;
export const DISTINCT = 24;

export const inputFile = (dir: string, i: number): string => path.join(dir, `panel-${String(i).padStart(3, '0')}.png`);

/** Smooth gradients with stripes: compresses and decodes like an illustration, not like noise. */
export async function generateInputs(dir: string, count: number): Promise<void> {
  for (let k = 0; k < DISTINCT; k += 1) {
    const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
    for (let y = 0; y < HEIGHT; y += 1) {
      for (let x = 0; x < WIDTH; x += 1) {
        const i = (y * WIDTH + x) * 3;
        pixels[i] = ((x * 255) / WIDTH + k * 10) & 255;
        pixels[i + 1] = (128 + 127 * Math.sin((x + y * (k + 1)) / 60)) | 0;
        pixels[i + 2] = ((y * 255) / HEIGHT) ^ (((x >> 5) & 7) * k);
      }
    }
    await sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).png().toFile(inputFile(dir, k));
  }
  for (let i = DISTINCT; i < count; i += 1) await copyFile(inputFile(dir, i % DISTINCT), inputFile(dir, i));
}
