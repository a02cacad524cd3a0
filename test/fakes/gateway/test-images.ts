/** Image fixtures made on the fly with sharp, shared by the gateway and image-safety tests. */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

export async function solidPng(width: number, height: number, colour = { r: 220, g: 30, b: 30 }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();
}

export async function solidJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 10, g: 120, b: 200 } } }).jpeg().toBuffer();
}

export async function solidWebp(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 10, g: 200, b: 120 } } }).webp().toBuffer();
}

/** Random pixels compress badly, so byte-size caps can be exceeded with modest dimensions. */
export async function noisyPng(width: number, height: number): Promise<Buffer> {
  const raw = randomBytes(width * height * 3);
  return sharp(raw, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

export function dataUrl(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}
