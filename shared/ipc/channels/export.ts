/**
 * Export channels. Settings travel with the request (the renderer keeps them in the project's
 * exportSettings, so they are remembered per project); destinations come from main-side dialogs.
 */
import { z } from 'zod';
import { ExportSettingsSchema } from '../../domain/project-export';
import { channel } from '../define';

const selection = z.array(z.string().min(1)).max(5000);
/** What an export wrote, and the panels it left out for want of an image; null when the artist cancelled. */
const writtenFiles = z.object({ files: z.array(z.string()), withoutImage: z.array(z.number().int()) }).strict().nullable();

export const exportChannels = {
  /** A small PNG of page 1 (base64), for the live preview in the export dialog. */
  'export:preview': channel(
    z.object({ settings: ExportSettingsSchema, selectedPanelIds: selection, maxWidth: z.number().int().min(120).max(1600) }).strict(),
    z.object({ pngBase64: z.string(), pages: z.number().int().min(1), width: z.number().int(), height: z.number().int() }).strict(),
  ),
  /** Asks where to save, writes the sheet (pages -p1, -p2... with a page preset). Null when cancelled. */
  'export:contactSheet': channel(
    z.object({ settings: ExportSettingsSchema, selectedPanelIds: selection }).strict(),
    z.object({ files: z.array(z.string()), pages: z.number().int(), missingImages: z.array(z.number().int()) }).strict().nullable(),
  ),
  /**
   * Shows the last export of this window: its folder (file selected) or the file itself. Takes
   * no path: main opens only what it wrote.
   */
  'export:reveal': channel(z.object({ target: z.enum(['folder', 'file']) }).strict(), z.null()),
  /** Asks for a folder, writes each active take as panel-001.png... Null when cancelled. */
  'export:panelImages': channel(
    z.object({ selectedPanelIds: selection, selectedOnly: z.boolean() }).strict(),
    writtenFiles,
  ),
  /**
   * Asks where to save, then writes a production export with the project's defaults: PDF board,
   * MP4 animatic (+ SRT), animated GIF, FCPXML timeline (+ folder of stills) or shot list CSV.
   * Null when cancelled.
   */
  'export:production': channel(
    z.object({ format: z.enum(['pdf', 'mp4', 'gif', 'fcpxml', 'csv']), selectedPanelIds: selection, selectedOnly: z.boolean() }).strict(),
    writtenFiles,
  ),
};

export const exportEvents = {
  'export:progress': z.object({ done: z.number().int(), total: z.number().int(), page: z.number().int(), pages: z.number().int() }).strict(),
};
