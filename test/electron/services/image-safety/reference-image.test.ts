import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { prepareReferenceImage } from '../../../../electron/services/image-safety/reference-image';
import { noisyPng, solidPng } from '../../../fakes/gateway/test-images';

function decode(dataUrl: string): Buffer {
  expect(dataUrl.startsWith('data:image/png;base64,')).toBe(true);
  return Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64');
}

describe('prepareReferenceImage', () => {
  it('sends a small reference as is (as PNG)', async () => {
    const prepared = await prepareReferenceImage(await solidPng(64, 48), { maxUploadBytes: 1_000_000 });
    expect(prepared.downscaled).toBe(false);
    expect(await sharp(decode(prepared.dataUrl)).metadata()).toMatchObject({ format: 'png', width: 64, height: 48 });
  });

  it('downscales a reference over the upload cap until it fits, keeping its shape', async () => {
    const big = await noisyPng(600, 400);
    const cap = 200_000;
    expect(big.length).toBeGreaterThan(cap);
    const prepared = await prepareReferenceImage(big, { maxUploadBytes: cap });
    const sent = decode(prepared.dataUrl);
    expect(prepared.downscaled).toBe(true);
    expect(sent.length).toBeLessThanOrEqual(cap);
    const meta = await sharp(sent).metadata();
    expect(meta.width).toBe(prepared.width);
    expect(Math.abs(prepared.width / prepared.height - 1.5)).toBeLessThan(0.02);
  });

  it('refuses a reference that cannot fit and one that is not an image', async () => {
    await expect(prepareReferenceImage(await noisyPng(200, 200), { maxUploadBytes: 500 })).rejects.toMatchObject({ code: 'IMAGE_TOO_LARGE' });
    await expect(prepareReferenceImage(Buffer.from('<svg/>'))).rejects.toMatchObject({ code: 'IMAGE_INVALID' });
  });
});
