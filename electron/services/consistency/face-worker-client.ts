/**
 * Runs face detection in a worker thread, started on the first request (nothing of tfjs loads
 * before that) and stopped after a quiet spell so its ~600 MB go back to the system.
 * Invariants:
 *  - at most one worker; requests are queued in it and answered in order;
 *  - the worker keeps the process alive only while a request is pending (a CLI run exits as
 *    soon as its last answer arrives);
 *  - a crashed worker fails every pending request with a clear error, and the next request
 *    starts a fresh one.
 * Under tsx or vitest (this file is a .ts) the worker runs from source through tsx; in the built
 * app and CLI it is the `consistency-worker.js` bundle next to the code that loaded it.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CastboardError } from '../../../shared/errors';
import { MIN_DETECTION_CONFIDENCE } from './face-math';
import type { DetectedFace } from './face-engine';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export interface FaceDescriber {
  describe(image: Uint8Array): Promise<DetectedFace[]>;
  /** Stops the worker now (pending requests fail). */
  close(): Promise<void>;
}

/** A worker script file, or (from source) a bootstrap evaluated in the worker. */
export type WorkerLocation = { file: string } | { bootstrap: string };

/**
 * Source mode registers tsx inside the worker before importing the .ts entry: Node 20 does not
 * apply `--import` loaders given in a worker's execArgv.
 */
function sourceBootstrap(entry: string): string {
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(require.resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
  const entryUrl = pathToFileURL(entry).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entryUrl)}); });`;
}

export function defaultWorkerLocation(): WorkerLocation {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return { bootstrap: sourceBootstrap(path.join(path.dirname(here), 'face-worker.ts')) };
  return { file: path.join(path.dirname(here), 'consistency-worker.js') };
}

export interface WorkerDescriberOptions {
  location?: WorkerLocation;
  /** Stop the worker after this long without requests (default one minute). */
  idleMs?: number;
  minConfidence?: number;
}

interface Pending {
  resolve(faces: DetectedFace[]): void;
  reject(error: Error): void;
}

function failure(detail: string): CastboardError {
  return new CastboardError('CONSISTENCY_UNAVAILABLE', `The consistency check could not run: ${detail}. Nothing was changed; try again, and reinstall Castboard if it keeps failing.`);
}

export function createWorkerDescriber(options: WorkerDescriberOptions = {}): FaceDescriber {
  const location = options.location ?? defaultWorkerLocation();
  const idleMs = options.idleMs ?? 60_000;
  const minConfidence = options.minConfidence ?? MIN_DETECTION_CONFIDENCE;
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | null = null;

  function failAll(error: Error): void {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  }

  function settle(reply: WorkerReply): void {
    const entry = pending.get(reply.id);
    if (!entry) return;
    pending.delete(reply.id);
    if ('error' in reply) entry.reject(failure(reply.error));
    else entry.resolve(reply.faces);
    if (pending.size === 0) becomeIdle();
  }

  function becomeIdle(): void {
    worker?.unref();
    idleTimer = setTimeout(() => void stop(), idleMs);
    idleTimer.unref();
  }

  function start(): Worker {
    const created = 'file' in location ? new Worker(location.file) : new Worker(location.bootstrap, { eval: true });
    created.on('message', settle);
    created.on('error', (error) => failAll(failure(error.message)));
    created.on('exit', (code) => {
      if (worker === created) worker = null;
      if (pending.size > 0) failAll(failure(`the checker stopped unexpectedly (exit code ${code})`));
    });
    return created;
  }

  async function stop(): Promise<void> {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    const running = worker;
    worker = null;
    if (running) await running.terminate();
  }

  return {
    describe(image) {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      worker ??= start();
      worker.ref();
      const id = nextId++;
      const copy = new Uint8Array(image);
      const request: WorkerRequest = { id, image: copy, minConfidence };
      const answer = new Promise<DetectedFace[]>((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.postMessage(request, [copy.buffer]);
      return answer;
    },
    close: stop,
  };
}
