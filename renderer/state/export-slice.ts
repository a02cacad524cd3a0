/**
 * Exports as the renderer sees it: the settings live in the document (`exportSettings`, with the
 * production formats' own options in `exportSettings.formats`, so a project remembers its last
 * export, the CLI starts from it too, and changes are undoable); previews, exports and cancel
 * are asked of main, and main's progress pushes land here. Every call first hands main the latest
 * document, so what is exported is what is on screen.
 */
import type { OptionFormat, ProductionSettings } from '../../shared/domain/production-export';
import { productionSettings } from '../../shared/domain/production-settings';
import type { ExportSettings } from '../../shared/domain/project';
import type { RequestOf, ResponseOf } from '../../shared/ipc/contract';
import { burstKey } from './history';
import type { AppSlice, StoreDeps } from './store-types';

export interface ExportProgress {
  done: number;
  total: number;
  page: number;
  pages: number;
}

type ProductionFormat = RequestOf<'export:production'>['format'];

export interface ExportSlice {
  exportProgress: ExportProgress | null;
  updateExportSettings(patch: Partial<ExportSettings>): void;
  /** Changes some options of one production format (the others keep their saved or default values). */
  updateFormatSettings<F extends OptionFormat>(format: F, patch: Partial<ProductionSettings[F]>): void;
  /** A small PNG of one page (base64), the page shown and how many the sheet has. `settings` defaults to the saved ones. */
  previewExport(selectedPanelIds: readonly string[], view: PreviewView, settings?: ExportSettings): Promise<ResponseOf<'export:preview'>>;
  exportContactSheet(selectedPanelIds: readonly string[], settings?: ExportSettings): Promise<ResponseOf<'export:contactSheet'>>;
  /** Shows the last export in the file manager, or opens it (main knows which file). */
  revealExport(target: 'folder' | 'file'): Promise<void>;
  exportPanelImages(selectedPanelIds: readonly string[], selectedOnly: boolean): Promise<ResponseOf<'export:panelImages'>>;
  /** PDF board, MP4 animatic, GIF, FCPXML timeline or shot list CSV with these options; main asks where to save. */
  exportProduction(format: ProductionFormat, settings: ProductionSettings, selectedPanelIds: readonly string[], selectedOnly: boolean): Promise<ResponseOf<'export:production'>>;
  /** What that export would write (a picture, the first rows, counts), without writing. */
  previewProduction(format: ProductionFormat, settings: ProductionSettings, selectedPanelIds: readonly string[], selectedOnly: boolean, view: PreviewView): Promise<ResponseOf<'export:productionPreview'>>;
  /** Stops the running export; it ends with a CANCELLED error and writes nothing. */
  cancelExport(): Promise<void>;
  setExportProgress(progress: ExportProgress | null): void;
}

/** How a preview is drawn: at most this wide, showing this page (0-based; main clamps it to the last). */
export interface PreviewView {
  maxWidth: number;
  page: number;
}

/** Fields typed into (numbers, the colour): a burst of typing is one undo step. */
const TYPED: ReadonlySet<string> = new Set(['columns', 'cellWidth', 'margin', 'gutter', 'background']);
const TYPED_FORMAT: ReadonlySet<string> = new Set(['perPage', 'crossfadeSeconds', 'width']);

/** True when `patch` sets some field of `current` to another value. */
const changes = <T extends object>(current: T, patch: Partial<T>): boolean => (Object.keys(patch) as Array<keyof T>).some((field) => current[field] !== patch[field]);

export function createExportSlice(deps: StoreDeps): AppSlice<ExportSlice> {
  return (set, get) => {
    const settings = (): ExportSettings => {
      const doc = get().doc;
      if (!doc) throw new Error('No project is open.');
      return doc.exportSettings;
    };
    /** Hands main the latest document, then runs one export with fresh progress (cleared again when it ends). */
    const running = async <T>(call: () => Promise<T>): Promise<T> => {
      await deps.sync().flush();
      set({ exportProgress: null });
      try {
        return await call();
      } finally {
        set({ exportProgress: null });
      }
    };
    return {
      exportProgress: null,
      updateExportSettings(patch) {
        get().edit(burstKey('export', patch, TYPED), (doc) => (changes(doc.exportSettings, patch) ? { ...doc, exportSettings: { ...doc.exportSettings, ...patch } } : doc));
      },
      updateFormatSettings(format, patch) {
        get().edit(burstKey(`export:${format}`, patch, TYPED_FORMAT), (doc) => {
          const current = productionSettings(doc.exportSettings)[format];
          if (!changes(current, patch)) return doc;
          const formats = { ...doc.exportSettings.formats, [format]: { ...current, ...patch } };
          return { ...doc, exportSettings: { ...doc.exportSettings, formats } };
        });
      },
      async previewExport(selectedPanelIds, view, chosen) {
        await deps.sync().flush();
        return deps.api.export.preview({ settings: chosen ?? settings(), selectedPanelIds: [...selectedPanelIds], ...view });
      },
      async revealExport(target) {
        await deps.api.export.reveal({ target });
      },
      exportContactSheet: (selectedPanelIds, chosen) =>
        running(() => deps.api.export.contactSheet({ settings: chosen ?? settings(), selectedPanelIds: [...selectedPanelIds] })),
      exportPanelImages: (selectedPanelIds, selectedOnly) => running(() => deps.api.export.panelImages({ selectedPanelIds: [...selectedPanelIds], selectedOnly })),
      exportProduction: (format, chosen, selectedPanelIds, selectedOnly) =>
        running(() => deps.api.export.production({ format, settings: chosen, selectedPanelIds: [...selectedPanelIds], selectedOnly })),
      async previewProduction(format, chosen, selectedPanelIds, selectedOnly, view) {
        await deps.sync().flush();
        return deps.api.export.productionPreview({ format, settings: chosen, selectedPanelIds: [...selectedPanelIds], selectedOnly, ...view });
      },
      async cancelExport() {
        await deps.api.export.cancel({});
      },
      setExportProgress: (exportProgress) => set({ exportProgress }),
    };
  };
}
