/**
 * The documents the crash test writes: generation g is a 200-panel project whose every text and
 * image depends on g, so the parent can rebuild exactly what generation g must look like and
 * compare it with whatever survived a SIGKILL. Consecutive generations share all images but one
 * (panel p shows image g + p), so each save also adds one new image, written before the JSON.
 */
import { imageRefFromHash, type Project } from '../../../../shared/domain/project';
import { createEmptyProject } from '../../../../shared/domain/project-edit';
import { sha256, tinyPng } from './fixtures';

export const CRASH_PANELS = 200;
const CREATED_AT = new Date('2025-11-21T17:40:00.000Z');
const TITLE_PREFIX = 'Crash test generation ';

export type PutImage = (png: Uint8Array) => Promise<string>;

const pngCache = new Map<number, Buffer>();

/** tinyPng(seed), made once per process: the same Buffer object for the same seed. */
export function crashPng(seed: number): Buffer {
  let png = pngCache.get(seed);
  if (!png) {
    png = tinyPng(seed);
    pngCache.set(seed, png);
  }
  return png;
}

/** Wraps `put` so each image is stored once per process, as an app that knows its references would. */
export function rememberingPut(put: PutImage): PutImage {
  const known = new WeakMap<Uint8Array, string>();
  return async (png) => {
    const cached = known.get(png);
    if (cached) return cached;
    const ref = await put(png);
    known.set(png, ref);
    return ref;
  };
}

/** The reference an image would get, without storing it (for the verifying parent). */
export const hashOnly: PutImage = rememberingPut(async (png) => imageRefFromHash(sha256(png)));

export function generationOf(project: Project): number | null {
  if (!project.title.startsWith(TITLE_PREFIX)) return null;
  const value = Number(project.title.slice(TITLE_PREFIX.length));
  return Number.isInteger(value) ? value : null;
}

export async function generationProject(generation: number, put: PutImage, panels = CRASH_PANELS): Promise<Project> {
  const project = createEmptyProject({ title: `${TITLE_PREFIX}${generation}`, aspectRatio: '2.39:1' }, CREATED_AT);
  project.characters.push({ id: 'mara', name: 'Mara', description: `Generation ${generation}`, referenceImage: await put(crashPng(7)) });
  for (let p = 0; p < panels; p += 1) {
    const image = await put(crashPng(generation + p));
    project.panels.push({
      id: `panel-${p}`,
      scenePrompt: `Mara crosses the harbour, beat ${p} (generation ${generation})`,
      shotType: p % 2 === 0 ? 'WS' : 'CU',
      cameraAngle: 'EYE_LEVEL',
      cameraMovement: 'STATIC',
      dialogue: generation % 2 === 0 ? 'Hold the boat!' : '',
      action: `Step ${generation}`,
      notes: '',
      durationSeconds: 2,
      characterId: 'mara',
      takes: [{ id: `take-${p}`, image, model: 'ideogram/ideogram-character', prompt: `beat ${p}`, seed: generation, params: { n: 1 }, costCents: 5, createdAt: CREATED_AT.toISOString() }],
      activeTakeId: `take-${p}`,
    });
  }
  return project;
}
