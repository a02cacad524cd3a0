import { describe, expect, it } from 'vitest';
import { validateGeneration } from './fake-validation';
import { dataUrl, solidPng } from './test-images';

async function body(overrides: Record<string, unknown>): Promise<Record<string, unknown>> {
  return { model: 'ideogram/ideogram-character', prompt: 'p', n: 1, size: '320x192', character_reference_images: [dataUrl(await solidPng(8, 8))], ...overrides };
}

describe("the fake gateway checks Ideogram's controls as Ideogram names them", () => {
  it('accepts every value the app sends', async () => {
    for (const extra of [
      { magic_prompt: 'OFF', style_type: 'DESIGN', rendering_speed: 'QUALITY' },
      { style_type: 'GENERAL', color_palette: { name: 'PASTEL' } },
      { color_palette: { members: [{ color_hex: '#1E3A5F' }, { color_hex: '#f2c14e', color_weight: 0.5 }] } },
    ]) {
      expect(validateGeneration(await body(extra))).toMatchObject({ ok: true });
    }
  });

  it('refuses a wrong value or shape with 400', async () => {
    for (const extra of [
      { magic_prompt: 'NO' },
      { style_type: 'ANIME' },
      { color_palette: { name: 'NEON' } },
      { color_palette: { preset: 'PASTEL' } },
      { color_palette: { members: [{ color_hex: 'blue' }] } },
      { color_palette: { members: [] } },
    ]) {
      expect(validateGeneration(await body(extra))).toMatchObject({ ok: false, status: 400 });
    }
  });
});
