import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { verifyAndNormalizeImage } from '../../../../electron/services/image-safety/verify-image';
import { noisyPng, solidJpeg, solidPng, solidWebp } from '../../../fakes/gateway/test-images';

const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>');
const HTML = Buffer.from('<!doctype html><html><body>Bad gateway</body></html>');

describe('verifyAndNormalizeImage', () => {
  it.each([
    ['PNG', () => solidPng(30, 20)],
    ['JPEG', () => solidJpeg(30, 20)],
    ['WebP', () => solidWebp(30, 20)],
  ])('accepts %s and re-encodes it to PNG with its content hash', async (_name, make) => {
    const result = await verifyAndNormalizeImage(await make());
    const meta = await sharp(result.png).metadata();
    expect([meta.format, result.width, result.height]).toEqual(['png', 30, 20]);
    expect(result.sha256).toBe(createHash('sha256').update(result.png).digest('hex'));
  });

  it('refuses anything that is not PNG, JPEG or WebP by its bytes', async () => {
    const gif = await sharp(await solidPng(8, 8)).gif().toBuffer();
    for (const bytes of [SVG, HTML, gif, Buffer.alloc(0)]) {
      await expect(verifyAndNormalizeImage(bytes)).rejects.toMatchObject({ code: 'IMAGE_INVALID' });
    }
  });

  it('names gateway answers as bad gateway images', async () => {
    await expect(verifyAndNormalizeImage(SVG, { origin: 'gateway' })).rejects.toMatchObject({ code: 'GATEWAY_BAD_IMAGE' });
  });

  it('refuses truncated data instead of keeping half an image', async () => {
    const noisy = await noisyPng(200, 200);
    for (const full of [noisy, await sharp(noisy).jpeg().toBuffer(), await sharp(noisy).webp().toBuffer()]) {
      const half = full.subarray(0, Math.floor(full.length / 2));
      await expect(verifyAndNormalizeImage(half, { origin: 'gateway' })).rejects.toMatchObject({ code: 'GATEWAY_BAD_IMAGE' });
    }
  });

  it('enforces the pixel and byte caps', async () => {
    const png = await solidPng(100, 100);
    await expect(verifyAndNormalizeImage(png, { maxPixels: 9_999 })).rejects.toMatchObject({ code: 'IMAGE_TOO_LARGE' });
    await expect(verifyAndNormalizeImage(png, { maxBytes: png.length - 1 })).rejects.toMatchObject({ code: 'IMAGE_TOO_LARGE' });
    await expect(verifyAndNormalizeImage(png, { maxPixels: 10_000, maxBytes: png.length })).resolves.toMatchObject({ width: 100 });
  });

  it('applies EXIF orientation so a portrait photo stays portrait', async () => {
    const rotated = await sharp(await solidJpeg(40, 20)).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const result = await verifyAndNormalizeImage(rotated);
    expect([result.width, result.height]).toEqual([20, 40]);
  });

  it('leaves sharp unable to load SVG at all once it has run', async () => {
    await verifyAndNormalizeImage(await solidPng(4, 4));
    await expect(sharp(SVG).metadata()).rejects.toThrow();
    await expect(sharp(await solidJpeg(4, 4)).metadata()).resolves.toMatchObject({ format: 'jpeg' });
  });
});
