/**
 * Face descriptors per image, cached in the project folder at cache/faces.json and keyed by the
 * image's sha256 (images are content-addressed, so a name always means the same pixels). It is a
 * cache: missing, damaged or written by another model version, it is ignored and rebuilt; it is
 * never part of project.json. Writes are atomic but not fsynced (a lost write is only recomputed)
 * and failures to write are ignored (a read-only project is still checked, just not cached).
 * Two writers (the app and the CLI) may race: the last one wins and the other's entries are
 * recomputed next time, never mixed.
 */
import { z } from 'zod';
import { readProjectFileIfSafe, writeProjectFile } from '../project/project-files';
import { FACE_CACHE_FILE } from '../project/project-paths';
import type { FaceLike } from './face-math';
import { MIN_DETECTION_CONFIDENCE } from './face-math';

/** Changes whenever the model, its settings or the descriptor meaning change. */
export const FACE_MODEL_ID = `face-api 1.7.15 ssd_mobilenetv1+landmark68+recognition min${MIN_DETECTION_CONFIDENCE} max1024`;
const MAX_ENTRIES = 50_000;

const FaceSchema = z.object({
  score: z.number().min(0).max(1),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  descriptor: z.array(z.number()).length(128),
});
const CacheFileSchema = z.object({
  model: z.string(),
  images: z.record(z.string().regex(/^[0-9a-f]{64}$/), z.array(FaceSchema).max(10)),
});

export interface FaceCache {
  get(sha: string): FaceLike[] | undefined;
  set(sha: string, faces: FaceLike[]): void;
  /** Writes the file when something changed since the last save. */
  save(): Promise<void>;
}

async function readEntries(root: string): Promise<Map<string, FaceLike[]>> {
  try {
    const bytes = await readProjectFileIfSafe(root, FACE_CACHE_FILE, 'cache');
    if (!bytes) return new Map();
    const parsed = CacheFileSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    if (!parsed.success || parsed.data.model !== FACE_MODEL_ID) return new Map();
    return new Map(Object.entries(parsed.data.images).slice(0, MAX_ENTRIES));
  } catch {
    return new Map();
  }
}

/** Descriptors are kept to 6 decimals: distances change by < 1e-5, the file shrinks by half. */
function compact(faces: FaceLike[]): FaceLike[] {
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  return faces.map((face) => ({ score: round(face.score), box: face.box.map(round) as FaceLike['box'], descriptor: face.descriptor.map(round) }));
}

export async function openFaceCache(root: string): Promise<FaceCache> {
  const entries = await readEntries(root);
  let dirty = false;
  return {
    get: (sha) => entries.get(sha),
    set(sha, faces) {
      if (entries.size >= MAX_ENTRIES) return;
      entries.set(sha, compact(faces));
      dirty = true;
    },
    async save() {
      if (!dirty) return;
      dirty = false;
      const body = JSON.stringify({ model: FACE_MODEL_ID, images: Object.fromEntries(entries) });
      try {
        await writeProjectFile(root, FACE_CACHE_FILE, body, { durable: false });
      } catch {
        // A read-only project is still checked; its descriptors are just not remembered.
      }
    },
  };
}
