/**
 * Facts about the project document that need no schema: the format version this build writes,
 * its size limits, which images it names and which take a panel shows. Free of zod, so code that
 * only reads a checked document (`castboard info`, an export) never builds the project schema;
 * project.ts re-exports all of it. Functions take the shapes they read, so any Project fits.
 */
import type { ImageRef } from './project-image-ref';

/** The version this build writes. v1 was the first prototype format (see migrations). */
export const CURRENT_SCHEMA_VERSION = 3;

export const PROJECT_LIMITS = {
  maxTitleLength: 200,
  maxCharacters: 50,
  maxPanels: 5000,
  maxPendingJobs: 1000,
  maxPaidWithoutImage: 10_000,
} as const;

/** Deleted panels kept for restoring (project-deleted.ts); the oldest fall off first. */
export const MAX_RECENTLY_DELETED = 100;

/** What image usage reads of a document. */
export interface ImageNamingDocument {
  characters: ReadonlyArray<{ name: string; referenceImage: ImageRef | null; mask?: ImageRef | undefined }>;
  panels: ReadonlyArray<{ takes: ReadonlyArray<{ image: ImageRef }> }>;
}

/** Where each image is used, for messages such as "panel 3, take 2". Order follows the document. */
export function collectImageUsage(project: ImageNamingDocument): Map<ImageRef, string[]> {
  const usage = new Map<ImageRef, string[]>();
  const note = (ref: ImageRef, where: string) => {
    const list = usage.get(ref);
    if (list) list.push(where);
    else usage.set(ref, [where]);
  };
  project.characters.forEach((character) => {
    if (character.referenceImage) note(character.referenceImage, `character "${character.name}" reference image`);
    if (character.mask) note(character.mask, `character "${character.name}" mask`);
  });
  project.panels.forEach((panel, index) => {
    panel.takes.forEach((take, takeIndex) => note(take.image, `panel ${index + 1}, take ${takeIndex + 1}`));
  });
  return usage;
}

/** Every image the document names (each once). */
export function collectImageRefs(project: ImageNamingDocument): ImageRef[] {
  return [...collectImageUsage(project).keys()];
}

/** The take a panel shows, or null when it has none. */
export function activeTake<T extends { id: string }>(panel: { takes: readonly T[]; activeTakeId: string | null }): T | null {
  return panel.takes.find((take) => take.id === panel.activeTakeId) ?? null;
}
