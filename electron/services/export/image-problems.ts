/**
 * The panels an export could not draw because their image file could not be read (deleted,
 * refused by the confined reader, not a complete image). Every format reports them the way the
 * contact sheet does: `missingImages` (panel numbers) and `imageProblems` (why, naming the file),
 * apart from `withoutImage` (panels that have no take at all).
 * Invariants: one reason per file (the first failure), and every panel that names a failed file is
 * reported, in panel order, so two panels sharing a take are both named.
 */
import { unreadableReason } from './image-source';
import type { ImageProblem } from './input';

/** What an export answers about images it could not read. */
export interface ImageReport {
  /** Panel numbers whose image file could not be read. */
  missingImages: number[];
  /** Why each of those could not be read, naming the file. */
  imageProblems: ImageProblem[];
}

export const NO_IMAGE_PROBLEMS: ImageReport = { missingImages: [], imageProblems: [] };

/** Collects the image files an export failed to read, then names the panels that use them. */
export class ImageProblemLog {
  private readonly reasons = new Map<string, string>();

  /** Notes that `imagePath` could not be read or decoded (the first reason for a file is kept). */
  record(imagePath: string, error: unknown): void {
    if (!this.reasons.has(imagePath)) this.reasons.set(imagePath, unreadableReason(imagePath, error));
  }

  has(imagePath: string): boolean {
    return this.reasons.has(imagePath);
  }

  /** The report for `panels`: each panel whose active take is a file that failed. */
  report(panels: readonly { number: number; imagePath: string | null }[]): ImageReport {
    const imageProblems = panels
      .flatMap((panel) => {
        const message = panel.imagePath === null ? undefined : this.reasons.get(panel.imagePath);
        return message === undefined ? [] : [{ panel: panel.number, message }];
      })
      .sort((a, b) => a.panel - b.panel);
    return { missingImages: imageProblems.map((problem) => problem.panel), imageProblems };
  }
}

/** The report of an export that already lists its problems per panel (panel PNGs, contact sheet). */
export function imageReport(imageProblems: readonly ImageProblem[]): ImageReport {
  const sorted = [...imageProblems].sort((a, b) => a.panel - b.panel);
  return { missingImages: sorted.map((problem) => problem.panel), imageProblems: sorted };
}
