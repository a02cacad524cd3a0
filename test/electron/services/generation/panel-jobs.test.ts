import { describe, expect, it } from 'vitest';
import { generateJobs } from '../../../../electron/services/generation/panel-jobs';
import type { GeneratePanelInput } from '../../../../electron/services/gateway/gateway-types';
import { createCharacter, createEmptyProject, createPanel } from '../../../../shared/domain/project-edit';

function project() {
  const base = createEmptyProject({ title: 'Harbour' }, new Date('2026-01-01T00:00:00Z'));
  const mara = createCharacter({ name: 'Mara', referenceImage: 'images/mara.png' });
  const ivo = createCharacter({ name: 'Ivo', referenceImage: 'images/ivo.png' });
  const panels = [
    createPanel({ scenePrompt: 'Ivo hauls the net', characterId: ivo.id }),
    createPanel({ scenePrompt: 'The empty pier', characterId: null }),
  ];
  return { ...base, characters: [mara, ivo], panels };
}

const readImage = (ref: string) => Promise.resolve(Buffer.from(ref));

describe('generation jobs from panels', () => {
  it("sends the panel's own character's reference image, never the first character's", async () => {
    const doc = project();
    const [job] = await generateJobs({ project: doc, readImage }, [doc.panels[0]!.id], { variations: 1, seed: null });
    const input = (job as { input: GeneratePanelInput }).input;
    expect(input.character.referencePng.toString()).toBe('images/ivo.png');
    expect(input.character.name).toBe('Ivo');
  });

  it('refuses a "No character" panel before any job exists, naming the panel and the reason', async () => {
    const doc = project();
    await expect(generateJobs({ project: doc, readImage }, doc.panels.map((panel) => panel.id), { variations: 1, seed: null })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringMatching(/^Panel 2: No character/),
    });
  });
});
