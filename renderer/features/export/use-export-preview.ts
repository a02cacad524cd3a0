/**
 * Live previews asked of main (use-main-preview.ts): a page of the contact sheet with its page
 * count and size, and what a production format would write.
 */
import type { ProductionSettings } from '../../../shared/domain/production-export';
import type { ExportSettings } from '../../../shared/domain/project';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { PreviewView } from '../../state/export-slice';
import { useAppStoreApi } from '../../state/store-context';
import type { ProductionFormat } from './export-formats';
import { useMainPreview, type MainPreview } from './use-main-preview';

export interface ExportPreview {
  url: string | null;
  error: string | null;
  loading: boolean;
  /** What the export would write: page count and the size of one page (or of the one long image). */
  pages: number | null;
  /** The page the picture shows (0-based), once main has drawn it. */
  drawnPage: number | null;
  size: { width: number; height: number } | null;
}

export function useExportPreview(settings: ExportSettings, selectedIds: readonly string[], view: PreviewView): ExportPreview {
  const store = useAppStoreApi();
  const preview = useMainPreview(
    JSON.stringify([settings, selectedIds, view]),
    () => store.getState().previewExport(selectedIds, view, settings),
    (answer) => answer.pngBase64,
  );
  const { value } = preview;
  return { url: preview.url, error: preview.error, loading: preview.loading, pages: value?.pages ?? null, drawnPage: value?.page ?? null, size: value ? { width: value.width, height: value.height } : null };
}

export interface ProductionChoice {
  format: ProductionFormat;
  settings: ProductionSettings;
  selectedIds: readonly string[];
  selectedOnly: boolean;
}

export function useProductionPreview(choice: ProductionChoice, view: PreviewView): MainPreview<ResponseOf<'export:productionPreview'>> {
  const store = useAppStoreApi();
  const { format, settings, selectedIds, selectedOnly } = choice;
  // Only the chosen format's options change what it writes.
  const own = format === 'csv' ? null : settings[format];
  return useMainPreview(
    JSON.stringify([format, own, selectedIds, selectedOnly, view]),
    () => store.getState().previewProduction(format, settings, selectedIds, selectedOnly, view),
    (answer) => answer.image?.pngBase64 ?? null,
  );
}
