/**
 * A project's production export options, complete: what it saved, and the defaults for the rest
 * (the PDF's page, orientation and dpi follow the contact sheet's until the PDF has options of its
 * own; see production-export.ts). Free of zod, so the export dialog fills its form without
 * loading the schemas that check a saved project.
 */
import type { Mp4ExportSettings, ProductionSettings, SavedFormatSettings } from './production-export';
import { CROSSFADE_SECONDS, GIF_WIDTH, PDF_PER_PAGE } from './production-export-fields';

export const DEFAULT_MP4_SETTINGS: Mp4ExportSettings = { size: '1280x720', fps: 24, captions: true, srt: true, crossfade: false, crossfadeSeconds: CROSSFADE_SECONDS.default };

/** The contact sheet fields the PDF's defaults follow (structural, so this module needs no import of the sheet's schema). */
interface SheetPageSettings {
  page: string;
  orientation: 'portrait' | 'landscape';
  dpi: 150 | 300;
  formats?: SavedFormatSettings | undefined;
}

/** Every format's options: the saved ones, the defaults for the rest. Fresh objects each call. */
export function productionSettings(saved: SheetPageSettings): ProductionSettings {
  const formats = saved.formats ?? {};
  return {
    pdf: formats.pdf ? { ...formats.pdf } : {
      page: saved.page === 'letter' ? 'letter' : 'a4',
      orientation: saved.orientation,
      dpi: saved.dpi,
      layout: 'grid',
      perPage: PDF_PER_PAGE.grid.default,
      captions: true,
    },
    mp4: { ...(formats.mp4 ?? DEFAULT_MP4_SETTINGS) },
    gif: { ...(formats.gif ?? { width: GIF_WIDTH.default }) },
    fcpxml: { ...(formats.fcpxml ?? { fps: 24 }) },
  };
}
