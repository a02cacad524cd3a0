import { describe, expect, it } from 'vitest';
import { buildGenerateBody, buildRemixBody, sizeForAspectRatio, SIZE_BY_ASPECT_RATIO } from '../../../../electron/services/gateway/ideogram-request';

const fields = { prompt: 'p', n: 1, size: '1024x1024', referenceDataUrl: 'data:image/png;base64,AA' };

describe('Ideogram request mapping', () => {
  it('chooses a size close to every supported aspect ratio', () => {
    const ratios = { '16:9': 16 / 9, '2.39:1': 2.39, '4:3': 4 / 3, '1:1': 1, '9:16': 9 / 16, '3:2': 1.5 } as const;
    for (const [ratio, value] of Object.entries(ratios)) {
      const { width, height } = SIZE_BY_ASPECT_RATIO[ratio as keyof typeof ratios];
      expect(Math.abs(width / height - value) / value).toBeLessThan(0.03);
      expect(sizeForAspectRatio(ratio as keyof typeof ratios)).toBe(`${width}x${height}`);
    }
    expect(() => sizeForAspectRatio('5:4' as never)).toThrow(expect.objectContaining({ code: 'GATEWAY_BAD_REQUEST' }));
  });

  it('omits optional fields that were not set', () => {
    expect(buildGenerateBody(fields)).toEqual({
      model: 'ideogram/ideogram-character',
      prompt: 'p',
      n: 1,
      size: '1024x1024',
      response_format: 'b64_json',
      character_reference_images: ['data:image/png;base64,AA'],
    });
  });

  it('checks variations, seed and image weight ranges before anything is sent', () => {
    for (const n of [0, 5, 1.5]) expect(() => buildGenerateBody({ ...fields, n })).toThrow(expect.objectContaining({ code: 'GATEWAY_BAD_REQUEST' }));
    expect(() => buildGenerateBody({ ...fields, seed: -1 })).toThrow();
    for (const imageWeight of [0, 101]) {
      expect(() => buildRemixBody({ ...fields, sourceDataUrl: 'data:image/png;base64,AA', imageWeight })).toThrow(expect.objectContaining({ code: 'GATEWAY_BAD_REQUEST' }));
    }
    expect(buildRemixBody({ ...fields, sourceDataUrl: 'data:x', imageWeight: 100, referenceMaskDataUrl: 'data:m' })).toMatchObject({
      model: 'ideogram/ideogram-character-remix',
      image: 'data:x',
      image_weight: 100,
      character_reference_images_mask: ['data:m'],
    });
  });
});
