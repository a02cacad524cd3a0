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
import { createProject, openProject } from '../electron/services/project/project-open';
import { buildProject } from './bench-project';

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
