/**
 * Helpers for the CLI tests: run `castboard` in-process with injected env, stdin and terminal
 * flags (stdout and stderr captured separately), or as a real child process to signal or limit,
 * temp folders, a reference image, a ready project, and a byte-level snapshot to prove a failed
 * command wrote nothing.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import type { CliIo } from '../../../electron/cli/cli-io';
import { runCli } from '../../../electron/cli/run-cli';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startFakeGateway, type FakeGateway } from '../../fakes/gateway/fake-gateway';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  /** Lines typed at the terminal (implies an interactive stdin). */
  typed?: string;
  /** Pretend stderr is a terminal (progress bar mode). */
  ttyStderr?: boolean;
  signal?: AbortSignal;
  /** The second Ctrl-C. */
  quit?: AbortSignal;
}

export async function cli(argv: string[], options: CliOptions = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    stderrWrite: (text) => err.push(text),
    env: options.env ?? {},
    isTTY: { stdin: options.typed !== undefined, stderr: options.ttyStderr ?? false },
    ...(options.typed !== undefined ? { stdin: Readable.from([options.typed]) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.quit ? { quit: options.quit } : {}),
    columns: 100,
  };
  const code = await runCli(argv, io, '9.9.9');
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

export interface CliProcess {
  /** Sends a signal to the command (SIGINT: Ctrl-C; SIGKILL: no handler runs). */
  kill(signal: NodeJS.Signals): void;
  done: Promise<Omit<CliRun, 'code'> & { code: number | null }>;
}

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * The real `castboard` (electron/cli/castboard.ts through tsx) as a child process with only PATH
 * and `env`; `maxFileBlocks` limits the size of every file it writes (`ulimit -f`, 512-byte blocks).
 */
export function startCliProcess(argv: string[], env: Record<string, string>, options: { maxFileBlocks?: number } = {}): CliProcess {
  const command = [process.execPath, '--import', 'tsx', 'electron/cli/castboard.ts', ...argv];
  const child =
    options.maxFileBlocks === undefined
      ? spawn(command[0] ?? '', command.slice(1), { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...env } })
      : spawn('/bin/sh', ['-c', `ulimit -f ${options.maxFileBlocks} && exec "$0" "$@"`, ...command], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Omit<CliRun, 'code'> & { code: number | null }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { kill: (signal) => child.kill(signal), done };
}

export const gatewayEnv = (gateway: FakeGateway): Record<string, string> => ({ AIGATEWAY_BASE_URL: gateway.url, AIGATEWAY_API_KEY: 'sk-test-cli' });

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'castboard-cli-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function writeReferencePng(file: string): Promise<string> {
  await sharp({ create: { width: 96, height: 128, channels: 3, background: { r: 200, g: 40, b: 40 } } }).png().toFile(file);
  return file;
}

/** A project with a character (and reference image) and `scenes.length` panels. */
export async function makeProject(parent: string, scenes: string[], name = 'film'): Promise<string> {
  const dir = path.join(parent, name);
  const ref = await writeReferencePng(path.join(parent, `${name}-ref.png`));
  const init = await cli(['init', dir, '--title', 'The Lighthouse', '--character-name', 'Mara', '--character-image', ref]);
  if (init.code !== 0) throw new Error(`init failed: ${init.stderr}`);
  for (const scene of scenes) {
    const added = await cli(['panel', 'add', dir, '--scene', scene]);
    if (added.code !== 0) throw new Error(`panel add failed: ${added.stderr}`);
  }
  return dir;
}

export async function readProjectJson(dir: string): Promise<{ panels: Array<{ takes: Array<{ id: string; image: string }>; activeTakeId: string | null }> } & Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(dir, 'project.json'), 'utf8')) as never;
}

/** Every file under `dir` (relative path -> sha256), to show that nothing was written. */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  async function walk(current: string): Promise<void> {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else result[path.relative(dir, full)] = createHash('sha256').update(await readFile(full)).digest('hex');
    }
  }
  await walk(dir);
  return result;
}

export const exists = (file: string): Promise<boolean> => stat(file).then(() => true, () => false);

export const imageRequests = (gateway: FakeGateway) => gateway.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/images/generations'));

/**
 * One fake gateway per test file (its log reset before each test) and a fresh temp folder per
 * test. Read `fixture.gateway` / `fixture.dir` inside tests and hooks registered after this call.
 */
export function useCliFixture(): { gateway: FakeGateway; dir: string } {
  const fixture = {} as { gateway: FakeGateway; dir: string };
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    fixture.gateway = await startFakeGateway();
  });
  afterAll(() => fixture.gateway.close());
  beforeEach(async () => {
    fixture.gateway.reset();
    const temp = await tempDir();
    fixture.dir = temp.dir;
    cleanup = temp.cleanup;
  });
  afterEach(() => cleanup?.());
  return fixture;
}
