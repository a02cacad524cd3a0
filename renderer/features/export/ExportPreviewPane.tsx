/**
 * The export preview: one page as main draws it (page 1 first; the stepper shows the others),
 * with what the export will write (page count and page size) and a zoom to check captions at full
 * detail. Zooming asks main for a wider preview rather than blowing up the small one.
 */
import { useState } from 'react';
import type { ExportSettings } from '../../../shared/domain/project';
import { plural } from '../../lib/format';
import { PageStepper, pageWithin } from './PageStepper';
import { useExportPreview } from './use-export-preview';

const PREVIEW_WIDTH = 560;
const ZOOMS = [1, 2, 3] as const;

export function ExportPreviewPane({ settings, selectedIds }: { settings: ExportSettings; selectedIds: readonly string[] }) {
  const [zoom, setZoom] = useState<(typeof ZOOMS)[number]>(1);
  const [chosenPage, setPage] = useState(0);
  const preview = useExportPreview(settings, selectedIds, { maxWidth: PREVIEW_WIDTH * zoom, page: chosenPage });
  const page = pageWithin(chosenPage, preview.pages);
  const what = preview.pages === null || !preview.size ? 'Working out the pages…' : describeOutput(settings, preview.pages, preview.size);
  return (
    <>
      <div className="export-preview-bar">
        <span className="small" data-testid="export-pages">
          {what}
        </span>
        <PageStepper page={page} pages={preview.pages} onPage={setPage} />
        <span className="zoom" role="group" aria-label="Preview zoom">
          {ZOOMS.map((level) => (
            <button key={level} type="button" className="button-small" aria-pressed={zoom === level} onClick={() => setZoom(level)}>
              {level === 1 ? 'Fit' : `${level * 100}%`}
            </button>
          ))}
        </span>
      </div>
      <figure className={`export-preview${zoom > 1 ? ' is-zoomed' : ''}`} aria-busy={preview.loading}>
        {preview.url ? (
          <img src={preview.url} alt={`Preview of the contact sheet, page ${(preview.drawnPage ?? page) + 1}`} style={zoom > 1 ? { width: `${zoom * 100}%` } : undefined} />
        ) : (
          <span className="muted small">{preview.error ?? 'Drawing the preview…'}</span>
        )}
        {preview.url && preview.error && <figcaption className="text-error small">{preview.error}</figcaption>}
      </figure>
    </>
  );
}

function describeOutput(settings: ExportSettings, pages: number, size: { width: number; height: number }): string {
  const dims = `${size.width} × ${size.height} px`;
  return settings.page === 'none' ? `One image, ${dims}` : `${plural(pages, 'page')}, ${dims} each`;
}
