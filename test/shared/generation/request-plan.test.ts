import { describe, expect, it } from 'vitest';
import { createCharacter, createEmptyProject, createPanel } from '../../../shared/domain/project-edit';
import type { Project } from '../../../shared/domain/project';
import { controlsFor, NO_CHARACTER_PROBLEM, panelProblem, previewGenerate, previewRestyle } from '../../../shared/generation/request-plan';

let ids = 0;
const newId = () => `id-${(ids += 1)}`;

function twoCharacterProject(): Project {
  const project = createEmptyProject({ title: 'Harbour', style: { styleType: 'FICTION', magicPrompt: 'OFF' } }, new Date('2026-01-01T00:00:00Z'));
  const mara = createCharacter({ name: 'Mara', description: 'red raincoat', referenceImage: 'images/mara.png' }, newId);
  const ivo = createCharacter({ name: 'Ivo', description: 'fisherman, yellow hat', referenceImage: 'images/ivo.png' }, newId);
  const panels = [
    createPanel({ scenePrompt: 'Mara waves', characterId: mara.id }, newId),
    createPanel({ scenePrompt: 'Ivo hauls the net', characterId: ivo.id, shotType: 'WS' }, newId),
    createPanel({ scenePrompt: 'The empty pier', characterId: null, shotType: 'EWS' }, newId),
  ];
  return { ...project, characters: [mara, ivo], panels };
}

describe('the request a panel will send', () => {
  it('names each panel after its own character and never stands one in for "No character"', () => {
    const project = twoCharacterProject();
    const [mara, ivo, none] = project.panels.map((panel) => previewGenerate(project, panel, { variations: 2, seed: null }, 5));
    expect(mara).toMatchObject({ ok: true, images: 2, cents: 10, body: { character_reference_images: ['<reference image of Mara>'] } });
    expect(ivo).toMatchObject({ ok: true, body: { character_reference_images: ['<reference image of Ivo>'], prompt: expect.stringContaining('Character: Ivo, fisherman, yellow hat.') } });
    expect(ivo?.ok === true ? ivo.body.prompt : '').not.toContain('Mara');
    expect(none).toEqual({ ok: false, kind: 'generate', problem: NO_CHARACTER_PROBLEM });
    expect(panelProblem(project.panels[2]!, project.characters)).toBe(NO_CHARACTER_PROBLEM);
  });

  it("applies a panel's own controls over the project's", () => {
    const project = twoCharacterProject();
    const panel = { ...project.panels[0]!, controls: { styleType: 'REALISTIC' as const, renderingSpeed: 'TURBO' as const } };
    expect(controlsFor(project, panel)).toMatchObject({ styleType: 'REALISTIC', renderingSpeed: 'TURBO', magicPrompt: 'OFF' });
    const preview = previewGenerate({ ...project, panels: [panel] }, panel, { variations: 1, seed: 5 }, 5);
    expect(preview).toMatchObject({ ok: true, body: { style_type: 'REALISTIC', rendering_speed: 'TURBO', magic_prompt: 'OFF', seed: 5 } });
  });

  it('says why a restyle cannot be previewed, and shows which take it would restyle', () => {
    const project = twoCharacterProject();
    const choice = { stylePrompt: 'film noir', imageWeight: 60, variations: 1 };
    expect(previewRestyle(project, project.panels[0]!, choice, 5)).toMatchObject({ ok: false, problem: expect.stringContaining('no image to restyle') });
    const take = { id: 'take-1', image: 'images/t.png', model: 'm', prompt: 'p', params: {}, costCents: 5, createdAt: '2026-01-01T00:00:00.000Z' };
    const panel = { ...project.panels[0]!, takes: [take], activeTakeId: 'take-1' };
    expect(previewRestyle(project, panel, choice, 5)).toMatchObject({
      ok: true,
      body: { model: 'ideogram/ideogram-character-remix', image: '<take 1 of this panel>', image_weight: 60, prompt: 'film noir. Mara waves. Character: Mara, red raincoat.' },
    });
  });
});
