/**
 * `npx tsx bench/consistency.ts` (after `npm run build:cli`, which builds the worker bundle):
 * the consistency check of 24 panels versus the bare face-api loop over the same images.
 *  - "bare loop": plain Node (no tsx), load the three nets, then for each image sharp-decode it
 *    and run detectAllFaces().withFaceLandmarks().withFaceDescriptors(); nothing else.
 *  - "ours": a project whose 24 panels have these images as active takes and a character
 *    reference, checked cold (no cache) by the consistency service, whose model runs in the
 *    built worker (dist/cli/consistency-worker.js, as in the app). The main thread's event-loop
 *    delay is sampled (perf_hooks.monitorEventLoopDelay) during the check.
 * Each case is its own child process, so peak RSS (getrusage maxRSS; the worker is a thread of
 * that process) is per case. Ours also reads, hashes and caches 25 images (24 + the reference).
 * Targets: ours / bare loop <= 1.2 in wall time; main event-loop delay max < 50 ms. Exits 1 when
 * a target is missed; never part of the test run.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { createConsistencyService } from '../electron/services/consistency/consistency-service';
import { createWorkerDescriber } from '../electron/services/consistency/face-worker-client';
import { readProjectFolder } from '../electron/services/project/project-reader';
import { buildFaceProject } from '../test/electron/services/consistency/face-project';
import { portrait, reframed, type Person } from '../test/electron/services/consistency/sample-faces';

const PANELS = 24;
const RATIO_TARGET = 1.2;
const DELAY_TARGET_MS = 50;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workerBundle = path.join(repoRoot, 'dist/cli/consistency-worker.js');

interface Result {
  loadMs?: number;
  totalMs: number;
  rssMb: number;
  faces?: number;
  delayMaxMs?: number;
  delayP99Ms?: number;
  /** Max delay until the first panel was scored (worker start, model load, reference). */
  startupDelayMaxMs?: number;
  /** Max delay after the first panel was scored. */
  steadyDelayMaxMs?: number;
  /** The same measure over an idle spell before the check: what the busy machine alone causes. */
  idleDelayMaxMs?: number;
  idleDelayP99Ms?: number;
}

/** Event-loop delay (max, p99 in ms) over `work`. */
async function sampleDelay<T>(work: () => Promise<T>): Promise<{ value: T; maxMs: number; p99Ms: number }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const value = await work();
  delay.disable();
  return { value, maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 };
}

/** The bare loop, run by plain `node --input-type=module` from the repo root. */
const BARE_LOOP = `
import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
const require = createRequire(path.join(process.cwd(), 'package.json'));
const sharp = require('sharp');
const dir = process.argv[1];
const started = performance.now();
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
faceapi.tf.setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep);
await faceapi.tf.setBackend('wasm');
await faceapi.tf.ready();
const models = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
await faceapi.nets.ssdMobilenetv1.loadFromDisk(models);
await faceapi.nets.faceLandmark68Net.loadFromDisk(models);
await faceapi.nets.faceRecognitionNet.loadFromDisk(models);
const loadMs = performance.now() - started;
const options = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.3, maxResults: 10 });
let faces = 0;
for (const name of (await readdir(dir)).filter((n) => n.endsWith('.png')).sort()) {
  const { data, info } = await sharp(await readFile(path.join(dir, name))).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const tensor = faceapi.tf.tensor3d(data, [info.height, info.width, 3], 'int32');
  faces += (await faceapi.detectAllFaces(tensor, options).withFaceLandmarks().withFaceDescriptors()).length;
  tensor.dispose();
}
console.log(JSON.stringify({ loadMs, totalMs: performance.now() - started, rssMb: process.resourceUsage().maxRSS / 1024, faces }));
`;

async function makeImages(dir: string): Promise<void> {
  const people: Person[] = ['ada', 'ben', 'cleo'];
  await writeFile(path.join(dir, 'reference.png.ref'), await portrait('ada'));
  for (let index = 0; index < PANELS; index += 1) {
    // Every image distinct (content-addressed: no two panels may share a cached descriptor).
    const base = await reframed(people[index % 3]!, index % 2);
    const png = await sharp(base).modulate({ brightness: 1 + index * 0.004 }).png().toBuffer();
    await writeFile(path.join(dir, `panel-${String(index + 1).padStart(2, '0')}.png`), png);
  }
}

async function runOurs(dir: string): Promise<Result> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'castboard-bench-consistency-project-'));
  const names = (await readdir(dir)).filter((name) => name.endsWith('.png')).sort();
  const takes = await Promise.all(names.map((name) => readFile(path.join(dir, name))));
  await buildFaceProject(root, await readFile(path.join(dir, 'reference.png.ref')), takes);
  const { project } = await readProjectFolder(root);
  const service = createConsistencyService({ describer: createWorkerDescriber({ location: { file: workerBundle } }) });
  const idle = await sampleDelay(() => new Promise((resolve) => setTimeout(resolve, 5000)));
  const started = performance.now();
  // The histogram is read and reset at the first result, to tell start-up from steady state.
  const steady = monitorEventLoopDelay({ resolution: 10 });
  steady.enable();
  let startupDelayMaxMs = 0;
  const onProgress = (done: number) => {
    if (done !== 1) return;
    startupDelayMaxMs = steady.max / 1e6;
    steady.reset();
  };
  const checked = await sampleDelay(() => service.check({ root, project, onProgress }));
  steady.disable();
  const totalMs = performance.now() - started;
  const results = checked.value;
  await service.close();
  await rm(root, { recursive: true, force: true });
  return {
    totalMs,
    rssMb: process.resourceUsage().maxRSS / 1024,
    faces: results.filter((result) => result.distance !== null).length,
    delayMaxMs: checked.maxMs,
    startupDelayMaxMs,
    steadyDelayMaxMs: steady.max / 1e6,
    delayP99Ms: checked.p99Ms,
    idleDelayMaxMs: idle.maxMs,
    idleDelayP99Ms: idle.p99Ms,
  };
}

function child(args: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`child ${args.join(' ')} exited ${code}: ${out}`));
      else resolve(JSON.parse(line) as Result);
    });
  });
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  if (process.argv[2] === '--child-ours') {
    console.log(JSON.stringify(await runOurs(process.argv[3]!)));
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'castboard-bench-consistency-'));
  try {
    await makeImages(dir);
    const bare = await child(['--input-type=module', '-e', BARE_LOOP, dir]);
    const ours = await child(['--import', 'tsx', fileURLToPath(import.meta.url), '--child-ours', dir]);
    const ratio = ours.totalMs / bare.totalMs;
    console.log(`Consistency check of ${PANELS} panels (1024x576 PNG takes), cold cache, 2 cores shared:`);
    console.log(`  bare face-api loop : ${fmt(bare.totalMs)} total (${fmt(bare.loadMs ?? 0)} model load), ${(bare.totalMs / PANELS).toFixed(0)} ms/panel, peak RSS ${bare.rssMb.toFixed(0)} MB, ${bare.faces} faces`);
    console.log(`  ours (worker)      : ${fmt(ours.totalMs)} total incl. worker start + model load + reference, ${(ours.totalMs / PANELS).toFixed(0)} ms/panel, peak RSS ${ours.rssMb.toFixed(0)} MB (main + worker), ${ours.faces} panels scored`);
    console.log(`  ratio ours / bare  : ${ratio.toFixed(2)} wall (target <= ${RATIO_TARGET}), ${(ours.rssMb / bare.rssMb).toFixed(2)} peak RSS`);
    console.log(`  main event loop    : max ${ours.delayMaxMs?.toFixed(1)} ms, p99 ${ours.delayP99Ms?.toFixed(1)} ms during the check (target max < ${DELAY_TARGET_MS} ms)`);
    console.log(`                       max ${ours.startupDelayMaxMs?.toFixed(1)} ms until the first panel (worker start, model load), ${ours.steadyDelayMaxMs?.toFixed(1)} ms after it`);
    console.log(`                       idle control, same process before the check: max ${ours.idleDelayMaxMs?.toFixed(1)} ms, p99 ${ours.idleDelayP99Ms?.toFixed(1)} ms`);
    if (ratio > RATIO_TARGET || (ours.delayMaxMs ?? 0) >= DELAY_TARGET_MS) process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
