/**
 * `npm run bench:cli-start [-- --runs 7]`: how long the `castboard` command takes to start, side
 * by side with a bare Node process, every case its own process, median of --runs:
 *  - `node -e 0` (the floor) vs `castboard --help` and `castboard info <dir>`;
 *  - `castboard export <dir>` of 24 panels vs a bare sharp resize + join of the same 24 images,
 *    run as its own `node` process (so both pay a process start).
 * The project is made by the product itself: `castboard init` + `panel add` + `generate` against
 * the fake gateway on 127.0.0.1 (images are whatever the fake renders, as in the tests).
 * Targets (issue #17): --help at most 2x the bare start; export at most 1.2x the bare join. info
 * has no target there; it is printed beside the same 2x as an aim of this bench, which does not
 * decide the exit code. Builds the CLI first (`vite build --mode cli`). Exits 1 when a target is
 * missed.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import sharp from 'sharp';
import { startFakeGateway } from '../test/fakes/gateway/fake-gateway';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist/cli/castboard.js');
const PANELS = 24;
const API_KEY = 'bench-key';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const RUNS = Number(values.runs);

/** Wall time of one process run, in ms; fails loudly if the command fails. */
function timeRun(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return ms;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Runs the cases interleaved (a, b, a, b...) so a busy moment hits both sides alike. */
function compare(base: () => number, ours: () => number): { base: number; ours: number } {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    a.push(base());
    b.push(ours());
  }
  return { base: median(a), ours: median(b) };
}

async function makeProject(dir: string, baseUrl: string): Promise<string> {
  const project = path.join(dir, 'Bench.castboard');
  const reference = path.join(dir, 'reference.png');
  await sharp({ create: { width: 512, height: 512, channels: 3, background: '#b04030' } }).png().toFile(reference);
  // Asynchronous: the fake gateway answers from this process's event loop.
  const run = promisify(execFile);
  const cli = (...args: string[]) => run(process.execPath, [CLI, ...args], { env: { ...process.env, AIGATEWAY_BASE_URL: baseUrl, AIGATEWAY_API_KEY: API_KEY } });
  await cli('init', project, '--title', 'Bench', '--character-name', 'Mara', '--character-description', 'red coat', '--character-image', reference);
  for (let i = 1; i <= PANELS; i += 1) await cli('panel', 'add', project, '--scene', `Mara crosses the market, beat ${i}`, '--shot', i % 2 ? 'CU' : 'WS');
  await cli('generate', project, '--yes', '--activate');
  return project;
}

/** A plain Node script: resize each image to the export's cell width and join them 4 across. */
const BARE_JOIN = `
import sharp from 'sharp';
const [out, ...files] = process.argv.slice(2);
const cells = await Promise.all(files.map((f) => sharp(f).resize(384).png({ compressionLevel: 0 }).toBuffer()));
await sharp(cells, { join: { across: 4, shim: 24, background: '#ffffff' } }).png().toFile(out);
`;

async function main(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--mode', 'cli', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'castboard-cli-bench-'));
  const gateway = await startFakeGateway({ apiKey: API_KEY });
  try {
    const project = await makeProject(dir, gateway.url);
    const doc = JSON.parse(await readFile(path.join(project, 'project.json'), 'utf8')) as {
      panels: Array<{ activeTakeId: string | null; takes: Array<{ id: string; image: string }> }>;
    };
    const images = doc.panels.map((panel) => panel.takes.find((take) => take.id === panel.activeTakeId)?.image).filter((image): image is string => Boolean(image));
    if (images.length !== PANELS) throw new Error(`expected ${PANELS} generated panels, got ${images.length}`);
    const bareScript = path.join(ROOT, 'bench', '.bare-join.mjs'); // inside the repo so `sharp` resolves
    await writeFile(bareScript, BARE_JOIN);
    const sheet = path.join(dir, 'sheet.png');
    const bareSheet = path.join(dir, 'bare.png');
    try {
      const rows = [
        { name: 'castboard --help', target: 2, ...compare(() => timeRun(['-e', '0']), () => timeRun([CLI, '--help'])) },
        { name: 'castboard info <dir>', target: 2, aimOnly: true, ...compare(() => timeRun(['-e', '0']), () => timeRun([CLI, 'info', project])) },
        {
          name: `castboard export (${PANELS} panels)`,
          target: 1.2,
          ...compare(
            () => timeRun([bareScript, bareSheet, ...images.map((image) => path.join(project, image))]),
            () => timeRun([CLI, 'export', project, '--out', sheet, '--overwrite']),
          ),
        },
      ];
      let missed = false;
      console.log(`node ${process.version}, median of ${RUNS} runs each, interleaved\n`);
      console.log('case                          baseline    ours    ratio  target');
      for (const row of rows) {
        const ratio = row.ours / row.base;
        const over = ratio > row.target;
        if (!('aimOnly' in row)) missed ||= over;
        const verdict = 'aimOnly' in row ? (over ? 'above the aim (no target)' : 'within the aim (no target)') : over ? 'MISSED' : 'ok';
        console.log(`${row.name.padEnd(30)}${`${row.base.toFixed(0)} ms`.padStart(8)}${`${row.ours.toFixed(0)} ms`.padStart(9)}${ratio.toFixed(2).padStart(8)}x  <= ${row.target}x ${verdict}`);
      }
      console.log('\nbaselines: `node -e 0` for --help and info; a bare sharp resize + join of the same images for export');
      process.exitCode = missed ? 1 : 0;
    } finally {
      await rm(bareScript, { force: true });
    }
  } finally {
    await gateway.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
