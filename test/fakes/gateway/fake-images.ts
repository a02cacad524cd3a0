/**
 * The fake gateway's "model": a real PNG at the requested size whose background colour derives
 * from the prompt, seed and variation index, with the character reference composited in the frame,
 * so a person looking at a storyboard made against the fake can see consistency (same reference
 * everywhere) and variation (different backgrounds). Remix answers start from the source image.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';

export interface RenderRequest {
  width: number;
  height: number;
  prompt: string;
  seed: number;
  reference: Buffer;
  /** Remix: the source take, kept in proportion to imageWeight (1-100). */
  source?: Buffer;
  imageWeight?: number;
}

function colourFor(prompt: string, seed: number): { r: number; g: number; b: number } {
  const digest = createHash('sha256').update(`${prompt}\u0000${seed}`).digest();
  // Keep colours mid-range so the reference stays visible on top.
  return { r: 40 + (digest[0]! % 176), g: 40 + (digest[1]! % 176), b: 40 + (digest[2]! % 176) };
}

async function background(req: RenderRequest): Promise<Buffer> {
  const colour = colourFor(req.prompt, req.seed);
  const plain = sharp({ create: { width: req.width, height: req.height, channels: 3, background: colour } });
  if (!req.source) return plain.png({ compressionLevel: 1 }).toBuffer();
  const alpha = 1 - (req.imageWeight ?? 50) / 100;
  const tint = await sharp({ create: { width: req.width, height: req.height, channels: 4, background: { ...colour, alpha } } })
    .png()
    .toBuffer();
  return sharp(req.source)
    .resize(req.width, req.height, { fit: 'cover' })
    .composite([{ input: tint }])
    .png({ compressionLevel: 1 })
    .toBuffer();
}

export async function renderPanel(req: RenderRequest): Promise<Buffer> {
  const base = await background(req);
  const box = { width: Math.max(8, Math.floor(req.width * 0.4)), height: Math.max(8, Math.floor(req.height * 0.7)) };
  const character = await sharp(req.reference).resize({ ...box, fit: 'inside' }).png().toBuffer();
  const meta = await sharp(character).metadata();
  const left = Math.floor(req.width * 0.08);
  const top = Math.max(0, Math.floor((req.height - (meta.height ?? box.height)) / 2));
  return sharp(base)
    .composite([{ input: character, left, top }])
    .png({ compressionLevel: 1 })
    .toBuffer();
}
