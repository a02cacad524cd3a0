/**
 * Crash test for the project store (issue #4): a child process saves a 200-panel project in a
 * loop and is killed with SIGKILL at a random moment, `iterations` times. After every kill the
 * folder must open (with the real reader) to exactly the last completed generation or the one
 * that was being saved, and every image it names must be present and intact (sha256 = name).
 * Used by crash.test.ts (20 kills, part of `npm test`) and crash-run.ts (`npm run test:crash`, 200).
 *
 * The child is bundled once with Vite's build API into a plain .mjs so each spawn is a bare
 * `node` start (~0.3 s) instead of a TypeScript loader start; if that fails it runs through tsx.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { collectImageRefs } from '../../../../shared/domain/project';
import { TEMP_FILE_PATTERN } from '../../../../electron/services/project/atomic-write';
import { createImageStore } from '../../../../electron/services/project/image-store';
import { createProject, openProject } from '../../../../electron/services/project/project-open';
import { readProjectFolder } from '../../../../electron/services/project/project-reader';
import { CRASH_PANELS, generationOf, generationProject, hashOnly } from './crash-project';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
const childSource = path.join(here, 'crash-child.ts');

export interface CrashRunOptions {
  iterations: number;
  panels?: number;
  /** Kill at a random time in [0, maxKillDelayMs] after the child is ready. */
  maxKillDelayMs?: number;
  /** PRNG seed, printed so a failing run can be replayed. */
  seed?: number;
  onProgress?: (line: string) => void;
}

export interface CrashRunResult {
  seed: number;
  iterations: number;
  failures: string[];
  /** Kills after which the folder held the last completed save (old) or the one in flight (new). */
  outcomes: { old: number; new: number };
  savesCompleted: number;
  childRunner: 'bundle' | 'tsx';
}

interface ChildCommand {
  command: string;
  args: string[];
  runner: 'bundle' | 'tsx';
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function prepareChild(workDir: string): Promise<ChildCommand> {
  try {
    const { build } = await import('vite');
    const outDir = path.join(workDir, 'child');
    await build({
      configFile: false,
      logLevel: 'silent',
      root: repoRoot,
      build: { ssr: childSource, outDir, emptyOutDir: true, minify: false, target: 'node20', rollupOptions: { output: { format: 'es', entryFileNames: 'crash-child.mjs' } } },
      ssr: { noExternal: true },
    });
    return { command: process.execPath, args: [path.join(outDir, 'crash-child.mjs')], runner: 'bundle' };
  } catch {
    return { command: process.execPath, args: ['--import', 'tsx', childSource], runner: 'tsx' };
  }
}

interface ChildRun {
  ready: number | null;
  lastSaved: number | null;
  saves: number;
  unexpectedExit: string | null;
}

function runChildOnce(child: ChildCommand, root: string, killDelayMs: number, killBeforeReady: boolean): Promise<ChildRun> {
  return new Promise((resolve) => {
    const proc = spawn(child.command, [...child.args, root], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ChildRun = { ready: null, lastSaved: null, saves: 0, unexpectedExit: null };
    let stderr = '';
    let buffered = '';
    let killed = false;
    const kill = () => {
      killed = true;
      proc.kill('SIGKILL');
    };
    // A child that never gets ready (or hangs) must not hang the test.
    const guard = setTimeout(kill, 30_000);
    if (killBeforeReady) setTimeout(kill, killDelayMs);
    proc.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    proc.stdout.on('data', (data: Buffer) => {
      buffered += data.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [word, value] = line.split(' ');
        if (word === 'ready') {
          run.ready = Number(value);
          if (!killBeforeReady) setTimeout(kill, killDelayMs);
        } else if (word === 'saved') {
          run.lastSaved = Number(value);
          run.saves += 1;
        }
      }
    });
    proc.on('close', (code, signal) => {
      clearTimeout(guard);
      if (!killed || signal !== 'SIGKILL') run.unexpectedExit = `child exited on its own (code ${code}, signal ${signal}): ${stderr.trim()}`;
      resolve(run);
    });
  });
}

/** Checks the folder after a kill; returns the generation on disk or throws with what is wrong. */
async function verifyFolder(root: string, lastCompleted: number, panels: number): Promise<number> {
  const loaded = await readProjectFolder(root).catch((error: unknown) => {
    throw new Error(`the project does not open: ${error instanceof Error ? error.message : String(error)}`);
  });
  const generation = generationOf(loaded.project);
  if (generation === null || (generation !== lastCompleted && generation !== lastCompleted + 1)) {
    throw new Error(`project.json holds generation ${generation}, expected ${lastCompleted} (last completed) or ${lastCompleted + 1} (in flight)`);
  }
  if (!isDeepStrictEqual(loaded.project, await generationProject(generation, hashOnly, panels))) {
    throw new Error(`project.json claims generation ${generation} but its content differs from that generation`);
  }
  const store = createImageStore(root);
  for (const ref of collectImageRefs(loaded.project)) {
    const health = await store.verify(ref);
    if (health !== 'ok') throw new Error(`image ${ref} is ${health}`);
  }
  return generation;
}

async function seedProject(root: string, panels: number): Promise<void> {
  const session = await createProject(root, { title: 'Crash test' }, { autosaveDelayMs: null });
  session.update(await generationProject(0, (png) => session.putImage(png), panels));
  await session.save();
  await session.close();
}

/** After the last kill: a normal open sweeps the temp files the killed children left behind. */
async function checkCleanReopen(root: string): Promise<string | null> {
  const session = await openProject(root, { autosaveDelayMs: null });
  await session.close({ save: false });
  for (const dir of [root, path.join(root, 'images'), path.join(root, 'backups')]) {
    const leftovers = (await readdir(dir)).filter((name) => TEMP_FILE_PATTERN.test(name));
    if (leftovers.length > 0) return `temp files left after reopening: ${leftovers.join(', ')}`;
  }
  return null;
}

export async function runCrashTest(options: CrashRunOptions): Promise<CrashRunResult> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = mulberry32(seed);
  const panels = options.panels ?? CRASH_PANELS;
  const maxDelay = options.maxKillDelayMs ?? 250;
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'castboard-crash-'));
  const result: CrashRunResult = { seed, iterations: options.iterations, failures: [], outcomes: { old: 0, new: 0 }, savesCompleted: 0, childRunner: 'bundle' };
  try {
    const child = await prepareChild(workDir);
    result.childRunner = child.runner;
    const root = path.join(workDir, 'Crash test.castboard');
    await seedProject(root, panels);
    let onDisk = 0;
    for (let iteration = 1; iteration <= options.iterations; iteration += 1) {
      const killBeforeReady = random() < 0.1;
      const run = await runChildOnce(child, root, Math.floor(random() * maxDelay), killBeforeReady);
      result.savesCompleted += run.saves;
      if (run.unexpectedExit) result.failures.push(`kill ${iteration}: ${run.unexpectedExit}`);
      if (run.ready !== null && run.ready !== onDisk) result.failures.push(`kill ${iteration}: child started from generation ${run.ready}, expected ${onDisk}`);
      const lastCompleted = run.lastSaved ?? onDisk;
      try {
        onDisk = await verifyFolder(root, lastCompleted, panels);
        result.outcomes[onDisk === lastCompleted ? 'old' : 'new'] += 1;
      } catch (error) {
        result.failures.push(`kill ${iteration}: ${error instanceof Error ? error.message : String(error)}`);
        break; // later kills would only repeat the same damage
      }
      options.onProgress?.(`kill ${iteration}/${options.iterations}: ${run.saves} saves completed, folder holds generation ${onDisk}`);
    }
    if (result.failures.length === 0) {
      const leftover = await checkCleanReopen(root);
      if (leftover) result.failures.push(leftover);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return result;
}
