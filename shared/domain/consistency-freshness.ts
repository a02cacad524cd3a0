/**
 * When a consistency outcome is out of date. An outcome measured one take against one reference
 * image; it still holds while that take is its panel's active take and the panel's character has
 * that same reference image. The threshold is not part of it: outcomes keep their distance, and
 * their status is recomputed from it with the threshold in force (exactly what a new check of the
 * same images would answer). Free of zod, so the board needs no schema to use it.
 */
import type { Character, ImageRef, Panel } from './project';

/** What a freshness test reads of an outcome. */
export interface MeasuredOutcome {
  panelId: string;
  takeId: string | null;
  /** The reference image the take was compared with (null: none). */
  reference: ImageRef | null;
}

/** The reference image a panel's takes are compared with now: its character's, or null. */
export function panelReference(project: { characters: readonly Pick<Character, 'id' | 'referenceImage'>[] }, panel: Pick<Panel, 'characterId'>): ImageRef | null {
  if (panel.characterId === null) return null;
  return project.characters.find((character) => character.id === panel.characterId)?.referenceImage ?? null;
}

/** Whether an outcome was measured against another reference image than the panel's current one. */
export function referenceChanged(outcome: MeasuredOutcome, currentReference: ImageRef | null): boolean {
  return outcome.reference !== currentReference;
}

/** Why an outcome on the board is out of date (a new check, free, brings it up to date). */
export type OutOfDateReason = 'reference-changed' | 'take-changed';

export const OUT_OF_DATE_TEXT: Readonly<Record<OutOfDateReason, string>> = {
  'reference-changed': "the character's reference image changed since this take was checked",
  'take-changed': 'another take of this panel was checked, not the one on the board now',
};

/** The board's label for an out-of-date outcome: what happened and what to do. */
export function outOfDateLabel(reason: OutOfDateReason): string {
  return `Out of date: ${OUT_OF_DATE_TEXT[reason]}. Check consistency again (free) to update it.`;
}
