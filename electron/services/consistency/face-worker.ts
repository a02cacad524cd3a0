/**
 * The consistency worker's entry (a worker_thread): owns the face model so the main process
 * never loads tfjs and never stalls on a detection. Requests are handled one at a time in
 * arrival order (the model is not re-entrant and the machine's cores are better spent on one
 * detection at a time). The model loads on the first request; a load failure is reported to
 * every request and retried on the next one.
 */
import { parentPort } from 'node:worker_threads';
import { loadFaceEngine, type FaceEngine } from './face-engine';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

let engine: Promise<FaceEngine> | null = null;
let chain: Promise<void> = Promise.resolve();

function getEngine(minConfidence: number): Promise<FaceEngine> {
  engine ??= loadFaceEngine(minConfidence).catch((error: unknown) => {
    engine = null;
    throw error;
  });
  return engine;
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  try {
    const faces = await (await getEngine(request.minConfidence)).describe(request.image);
    return { id: request.id, faces };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  chain = chain.then(async () => parentPort?.postMessage(await handle(request)));
});
