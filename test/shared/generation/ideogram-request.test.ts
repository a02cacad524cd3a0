import { describe, expect, it } from 'vitest';
import { generateBody, paramsOf, remixBody, sizeForAspectRatio, SIZE_BY_ASPECT_RATIO, type GenerateRequest } from '../../../shared/generation/ideogram-request';

const request: GenerateRequest = { scene: 'p', character: { name: 'Mara', description: '' }, aspectRatio: '1:1', variations: 1 };
const images = { reference: 'data:image/png;base64,AA' };

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
    expect(generateBody(request, images)).toEqual({
      model: 'ideogram/ideogram-character',
      prompt: 'p. Character: Mara.',
      n: 1,
      size: '1024x1024',
      response_format: 'b64_json',
      character_reference_images: ['data:image/png;base64,AA'],
    });
  });

  it("sends Ideogram's controls under Ideogram's own field names", () => {
    const style = { styleType: 'DESIGN', renderingSpeed: 'QUALITY', magicPrompt: 'OFF', negativePrompt: ' text,\n watermark ', colorPalette: { preset: 'EMBER' } } as const;
    const body = generateBody({ ...request, style, seed: 7 }, { ...images, mask: 'data:m' });
    expect(body).toMatchObject({
      style_type: 'DESIGN',
      rendering_speed: 'QUALITY',
      magic_prompt: 'OFF',
      negative_prompt: 'text, watermark',
      color_palette: { name: 'EMBER' },
      seed: 7,
      character_reference_images_mask: ['data:m'],
    });
    const hex = generateBody({ ...request, style: { colorPalette: { colors: ['#1e3a5f', '#F2C14E'] } } }, images);
    expect(hex.color_palette).toEqual({ members: [{ color_hex: '#1E3A5F' }, { color_hex: '#F2C14E' }] });
    // Provenance keeps flat values only (a take's params hold no objects and no image bytes).
    expect(paramsOf(body)).toEqual({ model: body.model, prompt: body.prompt, n: 1, size: '1024x1024', seed: 7, style_type: 'DESIGN', rendering_speed: 'QUALITY', magic_prompt: 'OFF', negative_prompt: 'text, watermark', color_palette: 'EMBER' });
    expect(paramsOf(hex).color_palette).toBe('#1E3A5F,#F2C14E');
  });

  it('checks variations, seed and image weight ranges before anything is sent', () => {
    for (const variations of [0, 5, 1.5]) expect(() => generateBody({ ...request, variations }, images)).toThrow(expect.objectContaining({ code: 'GATEWAY_BAD_REQUEST' }));
    expect(() => generateBody({ ...request, seed: -1 }, images)).toThrow();
    const restyle = { stylePrompt: 'noir', character: request.character, aspectRatio: '1:1' as const };
    for (const imageWeight of [0, 101]) {
      expect(() => remixBody({ ...restyle, imageWeight }, { ...images, source: 'data:x' })).toThrow(expect.objectContaining({ code: 'GATEWAY_BAD_REQUEST' }));
    }
    expect(remixBody({ ...restyle, imageWeight: 100 }, { ...images, source: 'data:x', mask: 'data:m' })).toMatchObject({
      model: 'ideogram/ideogram-character-remix',
      image: 'data:x',
      image_weight: 100,
      character_reference_images_mask: ['data:m'],
    });
  });
});
