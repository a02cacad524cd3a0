/**
 * What a production export will write, before it is written: a page of the PDF board, the first
 * frame of the animatic (with its caption strip) or of the GIF, the first rows of the shot list,
 * and one line with the counts (pages, running time, size, files). The timeline shows only the
 * line. Main draws the pictures with the export's own code; no path is ever shown here.
 */
import { useState } from 'react';
import type { ProductionSettings } from '../../../shared/domain/production-export';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { formatMinutes, plural } from '../../lib/format';
import { useProductionPreview, type ProductionChoice } from './use-export-preview';
import type { ProductionFormat } from './export-formats';
import { PageStepper, pageWithin } from './PageStepper';

const PREVIEW_WIDTH = 560;
type Facts = ResponseOf<'export:productionPreview'>;

const dims = (frame: Facts['frame']) => (frame ? `${frame.width} × ${frame.height}` : '');

/** One line saying what the export writes. */
export function describeProduction(format: ProductionFormat, facts: Facts, settings: ProductionSettings): string {
  const time = formatMinutes(Math.round(facts.seconds ?? 0));
  switch (format) {
    case 'pdf': {
      const { pdf } = settings;
      const page = `${pdf.page === 'a4' ? 'A4' : 'US Letter'} ${pdf.orientation}`;
      const layout = pdf.layout === 'grid' ? `${pdf.perPage} a page` : `shooting board, ${pdf.perPage} a page`;
      return `${plural(facts.pages ?? 1, 'page')}, ${page}, ${layout}, ${pdf.dpi} dpi`;
    }
    case 'mp4':
      return `${dims(facts.frame)} at ${settings.mp4.fps} fps, ${time} long, ${plural(facts.panels, 'panel')}${facts.files > 1 ? ', with a subtitle file' : ''}`;
    case 'gif':
      return `${dims(facts.frame)}, ${time} long, ${plural(facts.panels, 'frame')}`;
    case 'fcpxml':
      return `A ${time} timeline at ${settings.fcpxml.fps} fps (${dims(facts.frame)}) and a folder of ${plural(facts.files - 1, 'still')} beside it`;
    case 'csv':
      return `${plural(facts.panels, 'row')} under a header row`;
  }
}

const ALT: Record<ProductionFormat, string> = {
  pdf: 'Preview of the PDF board',
  mp4: 'Preview of the animatic, first frame',
  gif: 'Preview of the GIF, first frame',
  fcpxml: '',
  csv: '',
};

function ShotListTable({ table }: { table: NonNullable<Facts['table']> }) {
  return (
    <div className="export-table-wrap">
      <table className="export-table">
        <caption className="small muted">The first rows of the shot list</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row[0]}>
              {row.map((cell, index) => (
                <td key={table.columns[index] ?? index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProductionPreviewPane({ choice }: { choice: ProductionChoice }) {
  const [chosenPage, setPage] = useState(0);
  const preview = useProductionPreview(choice, { maxWidth: PREVIEW_WIDTH, page: chosenPage });
  const facts = preview.value;
  const page = pageWithin(chosenPage, facts?.pages ?? null);
  const line = facts ? describeProduction(choice.format, facts, choice.settings) : preview.error ? '' : 'Working out what will be written…';
  return (
    <>
      <p className="small" data-testid="export-summary">
        {line}
      </p>
      {preview.error && <p className="text-error small">{preview.error}</p>}
      {facts?.table && <ShotListTable table={facts.table} />}
      {choice.format === 'pdf' && <PageStepper page={page} pages={facts?.pages ?? null} onPage={setPage} />}
      {(ALT[choice.format] || null) && (
        <figure className="export-preview" aria-busy={preview.loading}>
          {preview.url ? (
            <img src={preview.url} alt={choice.format === 'pdf' ? `${ALT.pdf}, page ${(facts?.page ?? page) + 1}` : ALT[choice.format]} />
          ) : (
            <span className="muted small">{preview.error ? '' : 'Drawing the preview…'}</span>
          )}
        </figure>
      )}
    </>
  );
}
