/**
 * `npm run bench:exports [-- --panels 100 --repeat 1 --only pdf,mp4,gif,csv,fcpxml]`: each production export of 100 panels of
 * 1536x1024 PNGs against a bare baseline doing the same core work with no layout:
 *  - PDF: ours (grid, 6 per page, A4 landscape, 150 dpi) vs pdf-lib embedding the same PNGs,
 *    one per page, no text;
 *  - MP4: ours (1080x720, 24 fps, frames streamed from sharp) vs ffmpeg encoding the same stills
 *    from an image list (concat demuxer, same encoder settings, size and durations);
 *  - GIF: ours (480 px wide) vs sharp's bare animated join of the same images resized;
 *  - CSV and FCPXML (timeline + stills folder): ours only (no meaningful baseline).
 * Panels last 1 s each (the MP4 encodes 2400 frames). Every case runs in its own child process so
 * peak RSS (getrusage maxRSS of the child; ffmpeg's own memory is not included) is per case.
 * Targets: ours / baseline <= 1.3 and peak RSS < 500 MB for every format. Exits 1 when missed.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { ffmpegPath } from '../electron/services/export/ffmpeg-path';
import { exportFcpxml } from '../electron/services/export/fcpxml';
import { gifEncoding, exportGif } from '../electron/services/export/gif-animatic';
import { readStandaloneImage } from '../electron/services/export/image-source';
import { EXPORT_CONCURRENCY, mapLimit } from '../electron/services/export/map-limit';
import { exportMp4, ffmpegArgs } from '../electron/services/export/mp4-animatic';
import { exportPdfBoard } from '../electron/services/export/pdf-board';
import type { ProductionInput } from '../electron/services/export/production-input';
import { exportShotList } from '../electron/services/export/shot-list';
import { generateInputs, inputFile } from './bench-images';

const VIDEO = { fps: 24, width: 1080, height: 720 } as const;
const GIF_WIDTH = 480;
const SECONDS = 1;
const CASES = {
  'pdf-bare': bare('pdf'), pdf: ours('pdf'),
  'mp4-bare': bare('mp4'), mp4: ours('mp4'),
  'gif-bare': bare('gif'), gif: ours('gif'),
  csv: ours('csv'), fcpxml: ours('fcpxml'),
} as const;
type Case = keyof typeof CASES;
const PAIRS: Array<[Case, Case | null]> = [['pdf', 'pdf-bare'], ['mp4', 'mp4-bare'], ['gif', 'gif-bare'], ['csv', null], ['fcpxml', null]];

function input(files: string[]): ProductionInput {
  const shots = ['Wide shot', 'Medium shot', 'Close-up'];
  return {
    title: 'The Lighthouse Keeper', date: '14 March 2026', character: { name: 'Mara Quinn', thumbnailPath: files[0] ?? '' }, readImage: readStandaloneImage,
    panels: files.map((imagePath, i) => ({
      number: i + 1, slug: `panel-${i + 1}`, scene: `Mara climbs to the lamp room, take ${i + 1}`, shot: shots[i % 3] ?? '', angle: 'Eye level', movement: 'Static',
      dialogue: `Mara: "Panel ${i + 1}. Keep the lamp burning until the boat is home, whatever the harbour master says."`, action: 'She lights the lamp.', notes: '',
      durationSeconds: SECONDS, takeCount: 1, imagePath,
    })),
  };
}

function ours(format: 'pdf' | 'mp4' | 'gif' | 'csv' | 'fcpxml') {
  return async (files: string[], out: string): Promise<void> => {
    const panels = input(files);
    if (format === 'pdf') await exportPdfBoard(panels, { page: 'a4', orientation: 'landscape', dpi: 150, layout: 'grid', perPage: 6, aspect: 1.5 }, `${out}.pdf`);
    if (format === 'mp4') await exportMp4(panels, { ...VIDEO, captions: false, srt: false, crossfadeSeconds: 0 }, `${out}.mp4`);
    if (format === 'gif') await exportGif(panels, { width: GIF_WIDTH, aspect: 1.5 }, `${out}.gif`);
    if (format === 'csv') await exportShotList(panels, `${out}.csv`);
    if (format === 'fcpxml') await exportFcpxml(panels, VIDEO, `${out}.fcpxml`);
  };
}

function bare(format: 'pdf' | 'mp4' | 'gif') {
  return async (files: string[], out: string): Promise<void> => {
    if (format === 'pdf') {
      const doc = await PDFDocument.create();
      for (const file of files) {
        const image = await doc.embedPng(await readFile(file));
        doc.addPage([image.width, image.height]).drawImage(image, { x: 0, y: 0 });
      }
      await writeFile(`${out}.pdf`, await doc.save());
    } else if (format === 'gif') {
      const frames = await mapLimit(files, EXPORT_CONCURRENCY, (file) => sharp(file).resize(GIF_WIDTH, GIF_WIDTH / 1.5).png({ compressionLevel: 0 }).toBuffer());
      // Same encoder settings as ours, so the ratio measures everything around the encoding.
      await sharp(frames, { join: { animated: true } }).gif(gifEncoding(files.map(() => SECONDS * 1000))).toFile(`${out}.gif`);
    } else {
      const list = `${out}.txt`;
      await writeFile(list, `${files.map((file) => `file '${file}'\nduration ${SECONDS}`).join('\n')}\nfile '${files.at(-1) ?? ''}'\n`);
      const args = ffmpegArgs(VIDEO, `${out}.mp4`);
      const output = args.indexOf('-c:v');
      const encode = ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-vf', `scale=${VIDEO.width}:${VIDEO.height}`, ...args.slice(output)];
      await new Promise<void>((resolve, reject) => spawn(ffmpegPath(), encode, { stdio: 'inherit' }).on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}`)))));
    }
  };
}

interface Sample {
  ms: number;
  rssMb: number;
}

async function child(name: Case, count: number, inputs: string, out: string): Promise<void> {
  const files = Array.from({ length: count }, (_, i) => inputFile(inputs, i));
  const start = performance.now();
  await CASES[name](files, out);
  process.stdout.write(JSON.stringify({ ms: performance.now() - start, rssMb: process.resourceUsage().maxRSS / 1024 } satisfies Sample));
}

const execFileAsync = promisify(execFile);

/** One case in a fresh Node process, so its peak RSS is its own. */
async function measure(name: Case, count: number, inputs: string, out: string): Promise<Sample> {
  const script = fileURLToPath(import.meta.url);
  const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', script, '--child', name, String(count), inputs, out], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as Sample;
}

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};

/** Runs every case; true when a target was missed. */
async function main(): Promise<boolean> {
  const count = option('panels', 100);
  const repeat = Math.max(1, option('repeat', 1));
  const root = await mkdtemp(path.join(os.tmpdir(), 'castboard-bench-exports-'));
  let missed = false;
  try {
    const inputs = path.join(root, 'inputs');
    await mkdir(inputs);
    await generateInputs(inputs, count);
    console.log(`${count} panels of 1536x1024, ${SECONDS} s each; best wall time of ${repeat}, peak RSS of the Node process\n`);
    console.log('format | ours                | baseline            | ratio');
    const only = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '').split(',') : null;
    for (const [name, baseline] of PAIRS.filter(([name]) => !only || only.includes(name))) {
      const best = async (which: Case) => {
        let sample: Sample | null = null;
        for (let r = 0; r < repeat; r += 1) {
          const next = await measure(which, count, inputs, path.join(root, `${which}-${r}`));
          sample = sample ? { ms: Math.min(sample.ms, next.ms), rssMb: Math.max(sample.rssMb, next.rssMb) } : next;
        }
        return sample as Sample;
      };
      const mine = await best(name);
      const base = baseline ? await best(baseline) : null;
      const cell = (s: Sample | null) => (s ? `${(s.ms / 1000).toFixed(2)} s ${s.rssMb.toFixed(0).padStart(4)} MB` : '-').padEnd(19);
      const ratio = base ? mine.ms / base.ms : null;
      console.log(`${name.padEnd(6)} | ${cell(mine)} | ${cell(base)} | ${ratio === null ? '-' : ratio.toFixed(2)}`);
      if ((ratio !== null && ratio > 1.3) || mine.rssMb >= 500) missed = true;
    }
    console.log(`\nTargets: ours/baseline <= 1.3, peak RSS < 500 MB -> ${missed ? 'MISSED' : 'met'}`);
    return missed;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const [, , role, ...childArgs] = process.argv;
if (role === '--child') await child(childArgs[0] as Case, Number(childArgs[1]), childArgs[2] ?? '', childArgs[3] ?? '');
else if (await main()) process.exitCode = 1;
