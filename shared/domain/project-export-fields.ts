/**
 * The lists a contact sheet is described with (caption fields, page presets) and the board size
 * from which it goes on pages. Free of zod (project-export.ts builds its enums from them and
 * re-exports them), so printing or checking an export's options does not load it.
 */

/** Caption fields, in print order. One list: a new field is added here and in each label map.
 * `consistency` prints the consistency check's outcome for the panel's active take. */
export const CAPTION_FIELDS = ['scene', 'dialogue', 'action', 'notes', 'shot', 'angle', 'movement', 'duration', 'consistency'] as const;
export type CaptionField = (typeof CAPTION_FIELDS)[number];

export const PAGE_PRESETS = ['none', 'a4', 'letter'] as const;
export type PagePreset = (typeof PAGE_PRESETS)[number];

/**
 * Above this many panels one long image stops being practical (500 panels made a 1704x42560
 * PNG): the export dialog uses pages unless the artist chooses one long image.
 */
export const LARGE_BOARD_PANELS = 24;
