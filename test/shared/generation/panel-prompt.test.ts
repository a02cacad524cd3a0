import { describe, expect, it } from 'vitest';
import { CAMERA_ANGLES, CAMERA_MOVEMENTS, SHOT_TYPES } from '../../../shared/domain/project';
import { buildPanelPrompt, buildRestylePrompt, characterSentence } from '../../../shared/generation/panel-prompt';
import { ANGLE_PHRASES, MOVEMENT_PHRASES, SHOT_PHRASES } from '../../../shared/generation/shot-words';

const character = { name: 'Mara', description: 'a lighthouse keeper,\n red raincoat ' };
/** The shape of every stored code (CU, EYE_LEVEL, WORMS_EYE...): none may reach the model. */
const RAW_CODE = /\b[A-Z]{2,}(_[A-Z]+)*\b/g;
const ALL_CODES = new Set<string>([...SHOT_TYPES, ...CAMERA_ANGLES, ...CAMERA_MOVEMENTS]);

describe('framing words', () => {
  it('turns every shot, angle and movement the app stores into its phrase, never its code', () => {
    const scene = 'mara opens the door'; // lower case, so any capitals left come from the framing
    for (const shotType of SHOT_TYPES) {
      for (const cameraAngle of CAMERA_ANGLES) {
        for (const cameraMovement of CAMERA_MOVEMENTS) {
          const prompt = buildPanelPrompt({ scene, shotType, cameraAngle, cameraMovement, character: { name: 'mara', description: '' } });
          const codes = prompt.match(RAW_CODE) ?? [];
          expect(codes, `${shotType}/${cameraAngle}/${cameraMovement}: ${prompt}`).toEqual([]);
          expect(prompt.startsWith(SHOT_PHRASES[shotType])).toBe(true);
          expect(prompt).toContain(ANGLE_PHRASES[cameraAngle]);
          expect(prompt).toContain(MOVEMENT_PHRASES[cameraMovement]);
        }
      }
    }
    // The phrases themselves are words, not codes, and a static camera adds nothing.
    for (const phrase of [...Object.values(SHOT_PHRASES), ...Object.values(ANGLE_PHRASES), ...Object.values(MOVEMENT_PHRASES)]) {
      for (const code of phrase.match(RAW_CODE) ?? []) expect(ALL_CODES.has(code)).toBe(false);
    }
    expect(MOVEMENT_PHRASES.STATIC).toBe('');
  });

  it('reads a close-up at eye level with a handheld camera as a sentence of framing', () => {
    expect(buildPanelPrompt({ scene: 'Close on Mara', shotType: 'CU', cameraAngle: 'EYE_LEVEL', cameraMovement: 'HANDHELD', character })).toBe(
      'Close-up, eye-level, handheld camera. Close on Mara. Character: Mara, a lighthouse keeper, red raincoat.',
    );
    expect(buildPanelPrompt({ scene: 'A gull', shotType: 'MS', cameraAngle: 'DUTCH', cameraMovement: 'STATIC', character })).toMatch(/^Medium shot, Dutch angle\. A gull\./);
  });
});

describe('buildPanelPrompt', () => {
  it('orders framing, scene, action, character and style, and changes only whitespace', () => {
    const prompt = buildPanelPrompt({
      scene: ' Mara  opens the door...\n ',
      action: 'She  pulls the hood up!',
      shotType: 'WS',
      character,
      stylePrompt: 'pencil sketch',
    });
    expect(prompt).toBe('Wide shot. Mara opens the door... She pulls the hood up! Character: Mara, a lighthouse keeper, red raincoat. Style: pencil sketch.');
  });

  it('leaves out what is empty', () => {
    expect(buildPanelPrompt({ scene: 'A gull', character: { name: 'Mara', description: '' } })).toBe('A gull. Character: Mara.');
    expect(buildPanelPrompt({ scene: 'A gull', character: { name: '', description: '' } })).toBe('A gull.');
  });

  it('refuses a panel without a scene', () => {
    expect(() => buildPanelPrompt({ scene: '  ', character })).toThrow(expect.objectContaining({ code: 'GATEWAY_BAD_REQUEST' }));
  });
});

describe('buildRestylePrompt', () => {
  it('puts the target style first and phrases the character as a generate does', () => {
    expect(buildRestylePrompt({ stylePrompt: 'noir', scene: 'rain', character })).toBe(`noir. rain. ${characterSentence(character)}`);
    expect(() => buildRestylePrompt({ stylePrompt: '', character })).toThrow(expect.objectContaining({ code: 'GATEWAY_BAD_REQUEST' }));
  });
});
