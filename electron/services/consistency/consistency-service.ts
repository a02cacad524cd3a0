/**
 * The consistency check: for each chosen take, the distance of its closest face to the featured
 * character's reference face, and an honest outcome (consistent / drifted / not checked, with
 * why). Electron-free; used by the app's IPC, the CLI and the contact sheet.
 * Invariants:
 *  - the face model runs in a worker (see face-worker-client), started on the first image that
 *    is not in the cache, so the caller's thread never runs a detection;
 *  - images are read through the project's image store (content-addressed, symlink-refusing);
 *  - descriptors are cached per project by image hash (face-cache), saved as the check goes, so
 *    a second check of the same takes is nearly free and an interrupted one keeps its progress;
 *    a cached image whose file is gone or damaged is still reported unreadable;
 *  - "not checked" is never counted as a pass: it carries no distance;
 *  - one detection per image: a reference checked when it was added (referenceFace) is in the
 *    cache for the later check, and an image already being described (the card's check and a
 *    board check at once) is awaited, never sent to the worker a second time.
 */
import type { Panel, Project, Take } from '../../../shared/domain/project';
import { activeTake } from '../../../shared/domain/project-edit';
import { imageRefHash, type ImageRef } from '../../../shared/domain/project';
import { DEFAULT_CONSISTENCY_THRESHOLD, panelReference, statusForDistance, type NotCheckedReason, type TakeConsistency } from '../../../shared/domain/consistency';
import { facePosition, type ReferenceFaceCheck } from '../../../shared/domain/reference-face';
import { createImageStore } from '../project/image-store';
import { openFaceCache, type FaceCache } from './face-cache';
import { closestDistance, referenceFace, type FaceLike } from './face-math';
import { createWorkerDescriber, type FaceDescriber } from './face-worker-client';

export interface CheckRequest {
  root: string;
  project: Project;
  /** Panels whose active take is checked (default: every panel). */
  panelIds?: readonly string[];
  /** Check these takes instead of the active ones (e.g. takes just generated). */
  takeIds?: readonly string[];
  threshold?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ConsistencyService {
  check(request: CheckRequest): Promise<TakeConsistency[]>;
  /** Whether the check can use this reference image: its faces, from the cache or the worker. */
  referenceFace(root: string, image: ImageRef): Promise<ReferenceFaceCheck>;
  /** Stops the worker (the next check starts it again). */
  close(): Promise<void>;
}

interface Target {
  panelId: string;
  take: Take | null;
  characterId: string | null;
  /** The featured character's reference image, which the take is compared with. */
  reference: ImageRef | null;
}

const SAVE_EVERY = 8;

function targets(project: Project, request: CheckRequest): Target[] {
  const target = (panel: Panel, take: Take | null): Target => ({ panelId: panel.id, take, characterId: panel.characterId, reference: panelReference(project, panel) });
  if (request.takeIds) {
    const wanted = new Set(request.takeIds);
    return project.panels.flatMap((panel) => panel.takes.filter((take) => wanted.has(take.id)).map((take) => target(panel, take)));
  }
  const panelIds = request.panelIds ? new Set(request.panelIds) : null;
  return project.panels.filter((panel) => !panelIds || panelIds.has(panel.id)).map((panel) => target(panel, activeTake(panel)));
}

const notChecked = (target: Target, reason: NotCheckedReason): TakeConsistency => ({
  panelId: target.panelId,
  takeId: target.take?.id ?? null,
  status: 'not-checked',
  distance: null,
  reason,
  reference: target.reference,
});

export function createConsistencyService(options: { describer?: FaceDescriber } = {}): ConsistencyService {
  let describer = options.describer ?? null;
  const getDescriber = () => (describer ??= createWorkerDescriber());
  /** Detections under way, by project folder and image hash (see the header). */
  const describing = new Map<string, Promise<FaceLike[]>>();

  function describeOnce(root: string, sha: string, bytes: Buffer): Promise<FaceLike[]> {
    const key = `${root}\0${sha}`;
    let detection = describing.get(key);
    if (!detection) {
      detection = getDescriber().describe(bytes).finally(() => describing.delete(key));
      describing.set(key, detection);
    }
    return detection;
  }

  /**
   * Faces in one project image, from the cache or the worker; null when the image cannot be read.
   * A cached image's file is still checked (PNG head and tail, as read() requires): the cache keeps
   * descriptors by hash after the file is deleted or damaged, and a cached run must say
   * "unreadable" like an uncached one instead of scoring a file that is gone.
   */
  async function facesOf(root: string, cache: FaceCache, ref: ImageRef, fresh: { count: number }): Promise<FaceLike[] | null> {
    const sha = imageRefHash(ref);
    const store = createImageStore(root);
    const cached = cache.get(sha);
    if (cached) return (await store.check(ref).catch(() => 'missing')) === 'ok' ? cached : null;
    let bytes: Buffer;
    try {
      bytes = await store.read(ref);
    } catch {
      return null;
    }
    cache.set(sha, await describeOnce(root, sha, bytes));
    fresh.count += 1;
    if (fresh.count % SAVE_EVERY === 0) await cache.save();
    return cache.get(sha) ?? [];
  }

  async function referenceDescriptor(root: string, project: Project, cache: FaceCache, characterId: string | null, fresh: { count: number }): Promise<number[] | NotCheckedReason> {
    if (characterId === null) return 'no-character';
    const character = project.characters.find((candidate) => candidate.id === characterId);
    if (!character?.referenceImage) return 'no-reference';
    const faces = await facesOf(root, cache, character.referenceImage, fresh);
    if (faces === null) return 'reference-unreadable';
    return referenceFace(faces)?.descriptor ?? 'no-reference-face';
  }

  return {
    async check(request) {
      const threshold = request.threshold ?? DEFAULT_CONSISTENCY_THRESHOLD;
      const cache = await openFaceCache(request.root);
      const fresh = { count: 0 };
      const chosen = targets(request.project, request);
      const results: TakeConsistency[] = [];
      try {
        for (const target of chosen) {
          results.push(await checkOne(target));
          request.onProgress?.(results.length, chosen.length);
        }
      } finally {
        await cache.save();
      }
      return results;

      async function checkOne(target: Target): Promise<TakeConsistency> {
        if (!target.take) return notChecked(target, 'no-image');
        const reference = await referenceDescriptor(request.root, request.project, cache, target.characterId, fresh);
        if (typeof reference === 'string') return notChecked(target, reference);
        const faces = await facesOf(request.root, cache, target.take.image, fresh);
        if (faces === null) return notChecked(target, 'image-unreadable');
        const distance = closestDistance(faces, reference);
        if (distance === null) return notChecked(target, 'no-face');
        return { panelId: target.panelId, takeId: target.take.id, status: statusForDistance(distance, threshold), distance, reason: null, reference: target.reference };
      }
    },
    async referenceFace(root, image) {
      const cache = await openFaceCache(root);
      let faces: FaceLike[] | null;
      try {
        faces = await facesOf(root, cache, image, { count: 0 });
      } finally {
        await cache.save();
      }
      if (faces === null) return { verdict: 'unreadable', faces: 0, chosen: null };
      const chosen = referenceFace(faces);
      if (!chosen) return { verdict: 'no-face', faces: 0, chosen: null };
      return { verdict: faces.length === 1 ? 'one-face' : 'several-faces', faces: faces.length, chosen: facePosition(chosen.box) };
    },
    async close() {
      await describer?.close();
    },
  };
}
