/**
 * Contact sheet export as the renderer sees it: the settings live in the document
 * (`exportSettings`, so a project remembers its last export and changes are undoable), the
 * preview and the export itself are asked of main, and main's progress pushes land here.
 * Every call first hands main the latest document, so the sheet shows what is on screen.
 */
import type { ExportSettings } from '../../shared/domain/project';
import type { RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { AppSlice, StoreDeps } from './store-types';

export interface ExportProgress {
  done: number;
  total: number;
  page: number;
  pages: number;
}

export interface ExportSlice {
  exportProgress: ExportProgress | null;
  updateExportSettings(patch: Partial<ExportSettings>): void;
  /** A small PNG of page 1 (base64) and how many pages the sheet has. `settings` defaults to the saved ones. */
  previewExport(selectedPanelIds: readonly string[], maxWidth: number, settings?: ExportSettings): Promise<ResponseOf<'export:preview'>>;
  exportContactSheet(selectedPanelIds: readonly string[], settings?: ExportSettings): Promise<ResponseOf<'export:contactSheet'>>;
  /** Shows the last export in the file manager, or opens it (main knows which file). */
  revealExport(target: 'folder' | 'file'): Promise<void>;
  exportPanelImages(selectedPanelIds: readonly string[], selectedOnly: boolean): Promise<ResponseOf<'export:panelImages'>>;
  /** PDF board, MP4 animatic, GIF, FCPXML timeline or shot list CSV; main asks where to save. */
  exportProduction(format: RequestOf<'export:production'>['format'], selectedPanelIds: readonly string[], selectedOnly: boolean): Promise<ResponseOf<'export:production'>>;
  setExportProgress(progress: ExportProgress | null): void;
}

const TYPED: ReadonlySet<string> = new Set(['columns', 'cellWidth', 'margin', 'gutter', 'background']);

export function createExportSlice(deps: StoreDeps): AppSlice<ExportSlice> {
  return (set, get) => {
    const settings = (): ExportSettings => {
      const doc = get().doc;
      if (!doc) throw new Error('No project is open.');
      return doc.exportSettings;
    };
    return {
      exportProgress: null,
      updateExportSettings(patch) {
        const fields = Object.keys(patch);
        const key = fields.length === 1 && TYPED.has(fields[0] ?? '') ? `export:${fields[0]}` : null;
        get().edit(key, (doc) => {
          const changed = (Object.keys(patch) as Array<keyof ExportSettings>).some((field) => doc.exportSettings[field] !== patch[field]);
          return changed ? { ...doc, exportSettings: { ...doc.exportSettings, ...patch } } : doc;
        });
      },
      async previewExport(selectedPanelIds, maxWidth, chosen) {
        await deps.sync().flush();
        return deps.api.export.preview({ settings: chosen ?? settings(), selectedPanelIds: [...selectedPanelIds], maxWidth });
      },
      async revealExport(target) {
        await deps.api.export.reveal({ target });
      },
      async exportContactSheet(selectedPanelIds, chosen) {
        await deps.sync().flush();
        set({ exportProgress: null });
        try {
          return await deps.api.export.contactSheet({ settings: chosen ?? settings(), selectedPanelIds: [...selectedPanelIds] });
        } finally {
          set({ exportProgress: null });
        }
      },
      async exportPanelImages(selectedPanelIds, selectedOnly) {
        await deps.sync().flush();
        return deps.api.export.panelImages({ selectedPanelIds: [...selectedPanelIds], selectedOnly });
      },
      async exportProduction(format, selectedPanelIds, selectedOnly) {
        await deps.sync().flush();
        set({ exportProgress: null });
        try {
          return await deps.api.export.production({ format, selectedPanelIds: [...selectedPanelIds], selectedOnly });
        } finally {
          set({ exportProgress: null });
        }
      },
      setExportProgress: (exportProgress) => set({ exportProgress }),
    };
  };
}
