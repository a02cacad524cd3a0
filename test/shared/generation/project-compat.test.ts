import { describe, expect, it } from 'vitest';
import { ProjectSchema } from '../../../shared/domain/project';
import { createCharacter, createEmptyProject, createPanel } from '../../../shared/domain/project-edit';

describe('projects written before the Ideogram controls', () => {
  it('open unchanged, with magic prompt off, no palette, one variation and no panel overrides', () => {
    const fresh = createEmptyProject({ title: 'Old' }, new Date('2025-06-01T00:00:00Z'));
    const mara = createCharacter({ name: 'Mara' });
    const { magicPrompt: _m, colorPalette: _c, defaultVariations: _d, ...oldStyle } = fresh.style;
    const { controls: _o, ...oldPanel } = createPanel({ scenePrompt: 'x', characterId: mara.id });
    const written = JSON.parse(JSON.stringify({ ...fresh, style: oldStyle, characters: [mara], panels: [oldPanel] })) as unknown;
    const opened = ProjectSchema.parse(written);
    expect(opened.style).toEqual({ ...oldStyle, magicPrompt: 'OFF', colorPalette: null, defaultVariations: 1 });
    expect(opened.panels[0]?.controls).toBeUndefined();
  });
});
