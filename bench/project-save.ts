/**
 * `npm run bench:project-save [-- --panels 500 --repeat 30]`: the project store at storyboard
 * scale. Builds a 500-panel project (one character, one or two takes per panel, each a real
 * 192x108 PNG made by sharp) in a temp folder, then measures:
 *  - save after ONE text edit (a panel's dialogue), median of --repeat saves; counts the image
 *    files written or modified meanwhile, which must be 0 (only project.json + its backup change);
 *  - open (read, migrate check, validate, quick-check every referenced image), median.
 * Each is printed side by side with a bare baseline on the same document (save: JSON.stringify +
 * a plain writeFile, no validation, temp file, fsync or backup; open: readFile + JSON.parse), so
 * the ratio shows what safety costs. Targets: save < 50 ms, open < 300 ms (medians). Exits 1 when
 * a target is missed or an image was rewritten; never part of the test run.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { addTake, createCharacter, createPanel } from '../shared/domain/project-edit';
import type { Project } from '../shared/domain/project';
import { createProject, openProject } from '../electron/services/project/project-open';
import type { ProjectSession } from '../electron/services/project/project-session';

const SAVE_TARGET_MS = 50;
const OPEN_TARGET_MS = 300;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A small illustration-like PNG (gradient + stripes), distinct per seed. */
async function panelImage(seed: number): Promise<Buffer> {
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

async function buildProject(session: ProjectSession, panels: number): Promise<Project> {
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

async function imageStamps(root: string): Promise<Map<string, string>> {
  const dir = path.join(root, 'images');
  const stamps = new Map<string, string>();
  for (const name of await readdir(dir)) {
    const info = await stat(path.join(dir, name));
    stamps.set(name, `${info.ino}:${info.mtimeMs}:${info.size}`);
  }
  return stamps;
}

/** The same document saved and read with no safety at all, in a scratch file next to it. */
async function baselines(root: string, repeat: number): Promise<{ bareSave: number; bareOpen: number }> {
  const document: unknown = JSON.parse(await readFile(path.join(root, 'project.json'), 'utf8'));
  const scratch = path.join(root, 'bare-baseline.json');
  const saves: number[] = [];
  const opens: number[] = [];
  for (let i = 0; i < repeat + 3; i += 1) {
    let started = performance.now();
    await writeFile(scratch, JSON.stringify(document, null, 2));
    const saved = performance.now() - started;
    started = performance.now();
    JSON.parse(await readFile(scratch, 'utf8'));
    const opened = performance.now() - started;
    if (i >= 3) {
      saves.push(saved);
      opens.push(opened);
    }
  }
  await rm(scratch);
  return { bareSave: median(saves), bareOpen: median(opens) };
}

async function main(): Promise<void> {
  const panels = option('panels', 500);
  const repeat = option('repeat', 30);
  const work = await mkdtemp(path.join(os.tmpdir(), 'castboard-bench-'));
  const root = path.join(work, 'Harbour Chase.castboard');
  try {
    let imageWrites = 0;
    const session = await createProject(root, { title: 'Harbour Chase', aspectRatio: '16:9' }, { autosaveDelayMs: null, imageHooks: { onWrite: () => (imageWrites += 1) } });
    session.update(await buildProject(session, panels));
    await session.save();
    const jsonKb = (await stat(path.join(root, 'project.json'))).size / 1024;
    const before = await imageStamps(root);
    imageWrites = 0;

    const saves: number[] = [];
    for (let i = 0; i < repeat + 3; i += 1) {
      const target = (i * 37) % panels;
      session.update({ ...session.project, panels: session.project.panels.map((panel, index) => (index === target ? { ...panel, dialogue: `Line ${i}` } : panel)) });
      const started = performance.now();
      await session.save();
      if (i >= 3) saves.push(performance.now() - started); // the first saves warm up the JIT
    }
    await session.close();
    const after = await imageStamps(root);
    const rewritten = [...after].filter(([name, stamp]) => before.get(name) !== stamp).length + imageWrites;

    const opens: number[] = [];
    for (let i = 0; i < Math.max(5, Math.floor(repeat / 2)) + 2; i += 1) {
      const started = performance.now();
      const opened = await openProject(root, { autosaveDelayMs: null });
      const elapsed = performance.now() - started;
      await opened.close({ save: false });
      if (i >= 2) opens.push(elapsed);
    }

    const { bareSave, bareOpen } = await baselines(root, repeat);
    const save = median(saves);
    const open = median(opens);
    const line = (label: string, ms: number, bare: number, target: number) =>
      `${label.padEnd(26)} ours ${ms.toFixed(1).padStart(6)} ms   bare ${bare.toFixed(1).padStart(6)} ms   ratio ${(ms / bare).toFixed(2).padStart(5)}   target < ${String(target).padStart(3)} ms   ${ms < target ? 'OK' : 'MISSED'}`;
    console.log(`Project store, ${panels} panels, ${before.size} images, project.json ${jsonKb.toFixed(0)} KB (${os.cpus().length} CPUs, Node ${process.version}); medians`);
    console.log(line('save after one text edit', save, bareSave, SAVE_TARGET_MS));
    console.log(line('open', open, bareOpen, OPEN_TARGET_MS));
    console.log(`images written during the ${saves.length + 3} saves: ${rewritten} (must be 0)   ${rewritten === 0 ? 'OK' : 'FAILED'}`);
    if (save >= SAVE_TARGET_MS || open >= OPEN_TARGET_MS || rewritten !== 0) process.exitCode = 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
