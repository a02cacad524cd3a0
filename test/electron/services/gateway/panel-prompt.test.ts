import { describe, expect, it } from 'vitest';
import { buildPanelPrompt, buildRestylePrompt } from '../../../../electron/services/gateway/panel-prompt';

const character = { name: 'Mara', description: 'a lighthouse keeper,\n red raincoat ' };

describe('buildPanelPrompt', () => {
  it('orders framing, scene, character and style, and tidies whitespace', () => {
    expect(buildPanelPrompt({ scene: ' Mara  opens the door. ', shotType: 'close_up', cameraAngle: 'high angle', character, stylePrompt: 'pencil sketch' })).toBe(
      'Close-up, high angle. Mara opens the door. Character: Mara, a lighthouse keeper, red raincoat. Style: pencil sketch.',
    );
  });

  it('leaves out what is empty and passes unknown shot names through', () => {
    expect(buildPanelPrompt({ scene: 'A gull', shotType: 'Dutch tilt', character: { name: 'Mara', description: '' } })).toBe('Dutch tilt. A gull. Character: Mara.');
    expect(buildPanelPrompt({ scene: 'A gull', character: { name: '', description: '' } })).toBe('A gull.');
  });

  it('refuses a panel without a scene', () => {
    expect(() => buildPanelPrompt({ scene: '  ', character })).toThrow(expect.objectContaining({ code: 'GATEWAY_BAD_REQUEST' }));
  });
});

describe('buildRestylePrompt', () => {
  it('puts the target style first', () => {
    expect(buildRestylePrompt({ stylePrompt: 'noir', scene: 'rain', character })).toBe('noir. rain. Character: Mara, a lighthouse keeper, red raincoat.');
    expect(() => buildRestylePrompt({ stylePrompt: '', character })).toThrow(expect.objectContaining({ code: 'GATEWAY_BAD_REQUEST' }));
  });
});
