/**
 * `npm run bench:contact-sheet [-- --repeat 3 --sizes 24,100,240]` (defaults shown): our export
 * versus bare sharp grids of the same 1536x1024 PNGs at the same cell size (384x256, 4 columns):
 *  - "bare join": resize each image to the cell, `sharp(cells, { join })`, PNG out;
 *  - "bare composite": the same cells as raw buffers composited onto one canvas.
 * Ours adds a header with a thumbnail, panel numbers and two caption fields: the shot, and a
 * dialogue too long for its two lines, so every panel goes through the ellipsis search (worst case).
 * Every run is its own child process so peak RSS (getrusage maxRSS) is per case; inputs are
 * generated once into a temp folder. Prints wall time and process CPU time (best of --repeat; CPU
 * is steadier on a busy machine), peak RSS and the ratios.
 * Targets: ours / bare join <= 1.3 at every size, peak RSS < 400 MB at 100 panels. Exits 1 when
 * a target is missed; never part of the test run.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type OverlayOptions } from 'sharp';
import { DISTINCT, HEIGHT, WIDTH, generateInputs, inputFile } from './bench-images';
import { exportContactSheet } from '../electron/services/export/contact-sheet';
import type { ContactSheetPanel } from '../electron/services/export/input';
import { EXPORT_CONCURRENCY, mapLimit } from '../electron/services/export/map-limit';

const COLUMNS = 4;
const CELL = { width: 384, height: 256 };
const GUTTER = 24;
const RATIO_TARGET = 1.3;
const RSS_TARGET_MB = 400;
const MODES = ['bare-join', 'bare-composite', 'export'] as const;
type Mode = (typeof MODES)[number];

interface Sample {
  ms: number;
  /** CPU time of the whole process (all threads): steadier than wall time on a busy machine. */
  cpuMs: number;
  rssMb: number;
}

async function resizedCells(files: string[], encode: 'png' | 'raw'): Promise<Buffer[]> {
  return mapLimit(files, EXPORT_CONCURRENCY, (file) => {
    const cell = sharp(file).resize(CELL.width, CELL.height);
    return (encode === 'png' ? cell.png({ compressionLevel: 0 }) : cell.raw()).toBuffer();
  });
}

async function bareJoin(files: string[], out: string): Promise<void> {
  const cells = await resizedCells(files, 'png');
  await sharp(cells, { join: { across: COLUMNS, shim: GUTTER, background: '#ffffff' } }).png().toFile(out);
}

async function bareComposite(files: string[], out: string): Promise<void> {
  const cells = await resizedCells(files, 'raw');
  const rows = Math.ceil(files.length / COLUMNS);
  const overlays: OverlayOptions[] = cells.map((input, i) => ({
    input,
    raw: { width: CELL.width, height: CELL.height, channels: 3 },
    left: (i % COLUMNS) * (CELL.width + GUTTER),
    top: Math.floor(i / COLUMNS) * (CELL.height + GUTTER),
  }));
  const width = COLUMNS * CELL.width + (COLUMNS - 1) * GUTTER;
  const height = rows * CELL.height + (rows - 1) * GUTTER;
  await sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).composite(overlays).png().toFile(out);
}

async function ours(files: string[], out: string): Promise<void> {
  const shots = ['Wide', 'Medium', 'Close-up', 'Over the shoulder'];
  const panels: ContactSheetPanel[] = files.map((imagePath, i) => ({
    number: i + 1,
    imagePath,
    captions: { shot: shots[i % shots.length], dialogue: `Mara: "Panel ${i + 1}. Keep the lamp burning until the boat is home, whatever the harbour master says."` },
  }));
  await exportContactSheet(
    { title: 'The Lighthouse Keeper', date: '14 March 2026', character: { name: 'Mara Quinn', thumbnailPath: files[0] }, panels },
    { columns: COLUMNS, cellWidth: CELL.width, gutter: GUTTER, aspectRatio: '3:2', captions: ['shot', 'dialogue'] },
    out,
    { overwrite: true },
  );
}

async function child(mode: Mode, count: number, inputs: string, out: string): Promise<void> {
  const files = Array.from({ length: count }, (_, i) => inputFile(inputs, i));
  const run = { 'bare-join': bareJoin, 'bare-composite': bareComposite, export: ours }[mode];
  const cpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const startCpu = cpu();
  const start = performance.now();
  await run(files, out);
  const sample: Sample = { ms: performance.now() - start, cpuMs: cpu() - startCpu, rssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(sample));
}

function runChild(mode: Mode, count: number, inputs: string, out: string): Promise<Sample> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', script, '--child', mode, String(count), inputs, out], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout) as Sample) : reject(new Error(`${mode} ${count} exited ${code}`))));
  });
}

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const sizes = argument('sizes', '24,100,240').split(',').map(Number);
  const repeat = Math.max(1, Number(argument('repeat', '3')));
  const root = await mkdtemp(path.join(os.tmpdir(), 'castboard-bench-sheet-'));
  let missed = false;
  try {
    const inputs = path.join(root, 'inputs');
    await mkdir(inputs);
    console.log(`Generating ${Math.max(...sizes)} inputs of ${WIDTH}x${HEIGHT} (${DISTINCT} distinct)...`);
    await generateInputs(inputs, Math.max(...sizes));
    console.log(`cells ${CELL.width}x${CELL.height}, ${COLUMNS} columns, ${EXPORT_CONCURRENCY} panels at a time, best of ${repeat}\n`);
    console.log('wall time (CPU time), peak RSS; ratios are wall (CPU)\n');
    console.log('panels | bare join               | bare composite          | ours                    | ours/join   | ours/composite');
    for (const count of sizes) {
      const best: Partial<Record<Mode, Sample>> = {};
      for (let r = 0; r < repeat; r += 1) {
        for (const mode of MODES) {
          const sample = await runChild(mode, count, inputs, path.join(root, `${mode}-${count}.png`));
          const previous = best[mode];
          best[mode] = previous ? { ms: Math.min(previous.ms, sample.ms), cpuMs: Math.min(previous.cpuMs, sample.cpuMs), rssMb: Math.max(previous.rssMb, sample.rssMb) } : sample;
        }
      }
      const cell = (s?: Sample) => (s ? `${(s.ms / 1000).toFixed(2)} s (${(s.cpuMs / 1000).toFixed(2)}) ${s.rssMb.toFixed(0).padStart(4)} MB`.padEnd(23) : '-');
      const ratios = (base?: Sample) => {
        const wall = (best.export?.ms ?? NaN) / (base?.ms ?? NaN);
        return { wall, text: `${wall.toFixed(2)} (${((best.export?.cpuMs ?? NaN) / (base?.cpuMs ?? NaN)).toFixed(2)})` };
      };
      const join = ratios(best['bare-join']);
      const composite = ratios(best['bare-composite']);
      const ratio = join.wall;
      console.log(`${String(count).padStart(6)} | ${cell(best['bare-join'])} | ${cell(best['bare-composite'])} | ${cell(best.export)} | ${join.text.padStart(11)} | ${composite.text.padStart(14)}`);
      if (!(ratio <= RATIO_TARGET)) missed = true;
      if (count === 100 && !((best.export?.rssMb ?? Infinity) < RSS_TARGET_MB)) missed = true;
    }
    console.log(`\nTargets: ours/join <= ${RATIO_TARGET}; ours < ${RSS_TARGET_MB} MB peak RSS at 100 panels -> ${missed ? 'MISSED' : 'met'}`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  if (missed) process.exitCode = 1;
}

if (process.argv[2] === '--child') {
  const [, , , mode, count, inputs, out] = process.argv;
  await child(mode as Mode, Number(count), inputs ?? '', out ?? '');
} else {
  await main();
}
