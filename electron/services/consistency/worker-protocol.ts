/** Messages between the consistency service and its worker (structured-clone data only). */
import type { DetectedFace } from './face-engine';

export interface WorkerRequest {
  id: number;
  /** The encoded image; its buffer is transferred, not copied. */
  image: Uint8Array;
  minConfidence: number;
}

export type WorkerReply = { id: number; faces: DetectedFace[] } | { id: number; error: string };
