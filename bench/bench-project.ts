/**
 * The storyboard the benches load: one character and `panels` panels with one or two takes each
 * (about 1.5 per panel: 500 panels make 750 takes), every image a real, distinct 192x108 PNG made
 * by sharp, built with the app's own edit functions and stored through the project session.
 */
import sharp from 'sharp';
import { addTake, createCharacter, createPanel } from '../shared/domain/project-edit';
import type { Project } from '../shared/domain/project';
import type { ProjectSession } from '../electron/services/project/project-session';

/** A small illustration-like PNG (gradient + stripes), distinct per seed. */
export async function panelImage(seed: number): Promise<Buffer> {
  const width = 192;
  const height = 108;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 3;
      pixels[i] = (x + seed * 7) & 255;
      pixels[i + 1] = (y * 2 + seed * 13) & 255;
      pixels[i + 2] = ((x >> 3) ^ (y >> 3) ^ seed) & 255;
    }
  }
  pixels.writeUInt32BE(seed >>> 0, 0); // the first pixels carry the seed: every image is distinct
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

export async function buildProject(session: ProjectSession, panels: number): Promise<Project> {
  let id = 0;
  const newId = () => `id-${(id += 1)}`;
  const now = new Date().toISOString();
  const mara = createCharacter({ name: 'Mara', description: 'Red coat, short silver hair, scar over the left eyebrow', referenceImage: await session.putImage(await panelImage(100_000)) }, newId);
  const project: Project = { ...session.project, characters: [mara], panels: [] };
  for (let p = 0; p < panels; p += 1) {
    let panel = createPanel(
      { scenePrompt: `Mara sprints along the rain-soaked pier toward the departing ferry, beat ${p + 1}`, shotType: p % 2 ? 'WS' : 'MCU', dialogue: p % 4 === 0 ? 'Hold the boat!' : '', action: 'She vaults a stack of crates.', notes: 'Keep the ferry lights in frame.', characterId: mara.id },
      newId,
    );
    for (let t = 0; t < 1 + (p % 2); t += 1) {
      const image = await session.putImage(await panelImage(p * 2 + t));
      panel = addTake(panel, {
        id: newId(), image, model: 'ideogram/ideogram-character', prompt: `${panel.scenePrompt}. Cinematic, dusk, volumetric light.`, seed: p * 2 + t,
        params: { size: '1312x736', style_type: 'FICTION', rendering_speed: 'DEFAULT', n: 1, negative_prompt: 'blurry, extra limbs' }, costCents: 5, createdAt: now, width: 1312, height: 736,
      });
    }
    project.panels.push(panel);
  }
  return project;
}

