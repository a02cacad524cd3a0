/**
 * Builds a project the way the app does (createEmptyProject, createCharacter, createPanel, addTake,
 * the image store) whose character reference and takes are the given PNGs, saved to project.json.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addTake, createCharacter, createEmptyProject, createPanel } from '../../../../shared/domain/project-edit';
import type { Project } from '../../../../shared/domain/project';
import { createImageStore } from '../../../../electron/services/project/image-store';

export interface FaceProject {
  root: string;
  project: Project;
  panelIds: string[];
}

/** `takes[i]` becomes panel i+1's only (active) take; null leaves the panel without an image. */
export async function buildFaceProject(root: string, reference: Buffer, takes: Array<Buffer | null>, options: { extraPanelWithoutCharacter?: boolean } = {}): Promise<FaceProject> {
  const store = createImageStore(root);
  const character = createCharacter({ name: 'Mara', referenceImage: await store.put(reference) });
  const project = createEmptyProject({ title: 'Faces' }, new Date('2026-01-01T00:00:00Z'));
  project.characters.push(character);
  for (const [index, image] of takes.entries()) {
    let panel = createPanel({ scenePrompt: `Panel ${index + 1}`, characterId: character.id });
    if (image) {
      panel = addTake(panel, { id: `take-${index + 1}`, image: await store.put(image), model: 'ideogram/ideogram-character', prompt: panel.scenePrompt, params: {}, costCents: 5, createdAt: project.createdAt });
    }
    project.panels.push(panel);
  }
  if (options.extraPanelWithoutCharacter) {
    const image = takes.find((take) => take !== null);
    let panel = createPanel({ scenePrompt: 'A landscape' });
    if (image) panel = addTake(panel, { id: 'take-landscape', image: await store.put(image), model: 'ideogram/ideogram-character', prompt: 'A landscape', params: {}, costCents: 5, createdAt: project.createdAt });
    project.panels.push(panel);
  }
  await writeFile(path.join(root, 'project.json'), JSON.stringify(project));
  return { root, project, panelIds: project.panels.map((panel) => panel.id) };
}
