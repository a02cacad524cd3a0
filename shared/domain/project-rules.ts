/**
 * The checks on a project document that are neither a type nor a range, as plain functions of
 * plain values: the zod schemas refine with exactly these, and the project check compiled from
 * those schemas (electron/services/compiled-checks/project-shape.generated.ts) calls the same functions,
 * so a rule is written once. Free of zod.
 * Invariant: every `.refine` in the project schema uses a function exported from here (the
 * compiler refuses any other).
 */
import { PDF_PER_PAGE, type PdfLayout } from './production-export-fields';

/** Not empty once surrounding white space is ignored (titles and names). */
export function hasText(value: string): boolean {
  return value.trim().length > 0;
}

/** No value appears twice (caption fields). */
export function noRepeats(values: readonly unknown[]): boolean {
  return new Set(values).size === values.length;
}

/**
 * The outline of a project's panels: each an object with an id and a list of takes, checked in
 * place (the renderer's cheap check of an opened project, shared/ipc/channels/project.ts).
 */
export function arePanelOutlines(value: unknown): boolean {
  return Array.isArray(value) && value.every((panel: unknown) => typeof panel === 'object' && panel !== null && typeof (panel as { id?: unknown }).id === 'string' && Array.isArray((panel as { takes?: unknown }).takes));
}

/** A PDF's panels per page fit its layout (a shooting board holds fewer than a grid). */
export function pdfPerPageFits(pdf: { layout: PdfLayout; perPage: number }): boolean {
  return pdf.perPage <= PDF_PER_PAGE[pdf.layout].max;
}

const STROKE_POINTS = /^-?\d{1,5}( -?\d{1,5})*$/;

/** A sketch stroke's points: whole numbers separated by single spaces (or nothing at all). */
export function isStrokeNumbers(text: string): boolean {
  return text === '' || STROKE_POINTS.test(text);
}

/** A sketch stroke's points come in x, y, pressure triples. */
export function isStrokeTriples(text: string): boolean {
  return text === '' || text.split(' ').length % 3 === 0;
}

/** What checkLinks needs of a document (any Project is one). */
export interface LinkedDocument {
  characters: ReadonlyArray<{ id: string }>;
  panels: ReadonlyArray<{ id: string; characterId: string | null; activeTakeId: string | null; takes: ReadonlyArray<{ id: string }> }>;
}

export interface LinkProblem {
  message: string;
  path: Array<string | number>;
}

/**
 * The links a storyboard relies on: ids are unique (characters, panels, takes across the whole
 * document), a featured character exists, a panel's active take is one of its takes.
 */
export function linkProblems(project: LinkedDocument): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const characterIds = new Set<string>();
  project.characters.forEach((character, index) => {
    if (characterIds.has(character.id)) problems.push({ message: `the character id "${character.id}" is used twice`, path: ['characters', index, 'id'] });
    characterIds.add(character.id);
  });
  const panelIds = new Set<string>();
  const takeIds = new Set<string>();
  project.panels.forEach((panel, index) => {
    if (panelIds.has(panel.id)) problems.push({ message: `the panel id "${panel.id}" is used twice`, path: ['panels', index, 'id'] });
    panelIds.add(panel.id);
    if (panel.characterId !== null && !characterIds.has(panel.characterId)) {
      problems.push({ message: `the featured character "${panel.characterId}" does not exist`, path: ['panels', index, 'characterId'] });
    }
    panel.takes.forEach((take, takeIndex) => {
      if (takeIds.has(take.id)) problems.push({ message: `the take id "${take.id}" is used twice`, path: ['panels', index, 'takes', takeIndex, 'id'] });
      takeIds.add(take.id);
    });
    if (panel.activeTakeId !== null && !panel.takes.some((take) => take.id === panel.activeTakeId)) {
      problems.push({ message: `the active take "${panel.activeTakeId}" is not one of this panel's takes`, path: ['panels', index, 'activeTakeId'] });
    }
  });
  return problems;
}
