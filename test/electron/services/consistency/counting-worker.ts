/**
 * One real face worker for a whole test file (the model loads once), wrapped to count the
 * detections it is asked for: what the face cache and the one-detection-per-image rule save.
 * Registers its own start and stop with the file's hooks.
 */
import { afterAll, beforeAll } from 'vitest';
import { createWorkerDescriber, type FaceDescriber } from '../../../../electron/services/consistency/face-worker-client';

export interface CountingWorker {
  describer: FaceDescriber;
  /** Detections asked for since the last reset. */
  readonly calls: number;
  resetCalls(): void;
}

export function sharedCountingWorker(): CountingWorker {
  let worker: FaceDescriber | null = null;
  let calls = 0;
  beforeAll(() => {
    worker = createWorkerDescriber();
  });
  afterAll(() => worker?.close());
  return {
    describer: {
      describe: (image) => {
        calls += 1;
        if (!worker) throw new Error('The face worker starts in beforeAll.');
        return worker.describe(image);
      },
      close: () => Promise.resolve(),
    },
    get calls() {
      return calls;
    },
    resetCalls() {
      calls = 0;
    },
  };
}
