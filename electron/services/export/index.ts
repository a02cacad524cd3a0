/**
 * The export service's public surface (contact sheet, preview, panel PNGs). Callers (CLI, IPC)
 * import from here; the other modules are internals. One exception: `castboard export` imports
 * the contact sheet's own modules (contact-sheet, font, options-check) so that its start loads no
 * zod, which this file would bring through options.ts (docs/architecture.md, "The CLI's start").
 */
export { contactSheetFiles, exportContactSheet, normaliseOutPath, planContactSheet, renderPreview } from './contact-sheet';
export type { ContactSheetPlan, ContactSheetResult, ContactSheetRunOptions, ExportProgress } from './contact-sheet';
export { defaultFontFiles, warmUpExportFonts, type FontFiles } from './font';
export type { ContactSheetInput, ContactSheetPanel } from './input';
export { pageSizePx, type SheetLayout } from './layout';
export {
  CAPTION_FIELDS,
  CaptionFieldSchema,
  ContactSheetOptionsSchema,
  DEFAULT_CONTACT_SHEET_OPTIONS,
  PAGE_PRESETS,
  parseAspectRatio,
  parseContactSheetOptions,
} from './options';
export type { CaptionField, ContactSheetOptions, ContactSheetOptionsInput, PagePreset } from './options';
export { findExisting } from './output-files';
export { exportPanelImage, exportPanelImages } from './panel-images';
export type { PanelImageSource, PanelImagesResult, PanelImagesRunOptions } from './panel-images';
