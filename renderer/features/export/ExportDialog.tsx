/**
 * The Export dialog (title bar button, File menu, Ctrl/⌘+E): a format choice (contact sheet PNG,
 * PDF board, MP4 animatic, GIF, FCPXML timeline, shot list CSV) with that format's options, saved
 * in the project as they change; a live preview where one makes sense; then main asks where to
 * save and writes the file, reporting progress, with a Cancel that stops it and writes nothing.
 * "Export panel images…" writes every active take as its own PNG. Closing the dialog while an
 * export runs cancels it. A large board exports its sheet as A4 pages unless the artist chooses
 * one long image here.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { productionSettings } from '../../../shared/domain/production-export';
import { LARGE_BOARD_PANELS, type ExportSettings } from '../../../shared/domain/project';
import { isCastboardError } from '../../../shared/errors';
import { messageOf } from '../../lib/errors';
import { plural } from '../../lib/format';
import { useAppStore } from '../../state/store-context';
import { liveSelection } from '../../state/selection-slice';
import { Modal } from '../../ui/Modal';
import { CheckboxField, SelectField } from '../../ui/fields';
import { EXPORT_FORMATS, PROGRESS_UNITS, type ExportFormat } from './export-formats';
import { ExportPreviewPane } from './ExportPreviewPane';
import { ExportSettingsForm } from './ExportSettingsForm';
import { ExportStatus, type Outcome } from './ExportStatus';
import { FormatOptionsForm } from './FormatOptionsForm';
import { ProductionPreviewPane } from './ProductionPreviewPane';

function describeMissing(numbers: readonly number[]): string {
  if (numbers.length === 0) return '';
  const list = numbers.length > 8 ? `${numbers.slice(0, 8).join(', ')}…` : numbers.join(', ');
  return ` ${plural(numbers.length, 'panel')} without a take (${list}) show as placeholders.`;
}

const savedText = (files: readonly string[]) => `Saved: ${files[0] ?? ''}${files.length > 1 ? ` and ${plural(files.length - 1, 'more file')}` : ''}.`;

function ExportBody({ saved, aspectRatio, onClose }: { saved: ExportSettings; aspectRatio: string; onClose: () => void }) {
  const s = useAppStore(
    useShallow((state) => ({
      selection: liveSelection(state.doc, state.selectedIds).join(','),
      panelCount: state.doc?.panels.length ?? 0,
      progress: state.exportProgress,
      exportContactSheet: state.exportContactSheet,
      exportPanelImages: state.exportPanelImages,
      exportProduction: state.exportProduction,
      cancelExport: state.cancelExport,
      revealExport: state.revealExport,
      updateExportSettings: state.updateExportSettings,
    })),
  );
  const selectedIds = s.selection === '' ? [] : s.selection.split(',');
  const [running, setRunning] = useState<ExportFormat | 'panels' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [longImageChosen, setLongImageChosen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('png');
  const production = useMemo(() => productionSettings(saved), [saved]);
  const exported = saved.selectedOnly && selectedIds.length > 0 ? selectedIds.length : s.panelCount;
  // Pages for a large board unless one long image was chosen here: the saved "none" may just be the old default.
  const paged = saved.page === 'none' && exported > LARGE_BOARD_PANELS && !longImageChosen;
  const settings: ExportSettings = paged ? { ...saved, page: 'a4' } : saved;

  // Closing the dialog stops an export it started: nothing is written behind the artist's back.
  const runningRef = useRef(running);
  useEffect(() => {
    runningRef.current = running;
  }, [running]);
  const { cancelExport } = s;
  useEffect(
    () => () => {
      if (runningRef.current) void cancelExport();
    },
    [cancelExport],
  );

  const run = async (kind: ExportFormat | 'panels', action: () => Promise<Outcome>) => {
    setRunning(kind);
    setOutcome(null);
    try {
      setOutcome(await action());
    } catch (error) {
      const cancelled = isCastboardError(error) && error.code === 'CANCELLED';
      setOutcome(cancelled ? { kind: 'cancelled', text: 'Export cancelled. Nothing was written.' } : { kind: 'failed', text: messageOf(error) });
    } finally {
      setRunning(null);
    }
  };

  const exportChosen = () =>
    format === 'png'
      ? run('png', async () => {
          const result = await s.exportContactSheet(selectedIds, settings);
          if (!result) return null;
          const where = result.files.length === 1 ? result.files[0] : `${plural(result.pages, 'page')} next to ${result.files[0]}`;
          return { kind: 'saved', text: `Contact sheet saved: ${where}.${describeMissing(result.missingImages)}`, revealable: true };
        })
      : run(format, async () => {
          const result = await s.exportProduction(format, production, selectedIds, saved.selectedOnly);
          return result && { kind: 'saved', text: `${savedText(result.files)}${describeMissing(result.withoutImage)}`, revealable: true };
        });
  const exportImages = () =>
    run('panels', async () => {
      const result = await s.exportPanelImages(selectedIds, saved.selectedOnly);
      return result && { kind: 'saved', text: `${plural(result.files.length, 'panel image')} saved.${describeMissing(result.withoutImage)}`, revealable: result.files.length > 0 };
    });
  const reveal = (target: 'folder' | 'file') => s.revealExport(target).catch((error: unknown) => setOutcome({ kind: 'failed', text: messageOf(error) }));
  const progressLabel = ({ done, total, page, pages }: { done: number; total: number; page: number; pages: number }) =>
    running === 'png' && pages > 1 ? `Page ${page} of ${pages}` : `${done} of ${plural(total, PROGRESS_UNITS[running ?? format])}`;

  return (
    <div className="export-layout">
      <div className="export-form">
        <SelectField label="Format" value={format} options={EXPORT_FORMATS} onChange={setFormat} />
        <p className="small muted">{EXPORT_FORMATS.find((choice) => choice.value === format)?.hint}</p>
        {format === 'png' ? (
          <ExportSettingsForm settings={settings} onChoosePage={(page) => setLongImageChosen(page === 'none')} />
        ) : (
          <FormatOptionsForm format={format} settings={production} aspectRatio={aspectRatio} />
        )}
        <CheckboxField
          label={`Selected panels only ${selectedIds.length > 0 ? `(${selectedIds.length})` : '(none selected)'}`}
          checked={saved.selectedOnly}
          disabled={selectedIds.length === 0 && !saved.selectedOnly}
          onChange={(selectedOnly) => s.updateExportSettings({ selectedOnly })}
        />
      </div>
      <div className="export-side">
        {format === 'png' && paged && <p className="callout small">{exported} panels: exporting as A4 pages. Choose “One long image” under Layout for a single file.</p>}
        {format === 'png' ? (
          <ExportPreviewPane settings={settings} selectedIds={selectedIds} />
        ) : (
          <ProductionPreviewPane choice={{ format, settings: production, selectedIds, selectedOnly: saved.selectedOnly }} />
        )}
        <ExportStatus busy={running !== null} progress={s.progress} label={progressLabel} outcome={outcome} onCancel={s.cancelExport} onReveal={reveal} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="button" disabled={running !== null} onClick={() => void exportImages()} title="Every active take as its own PNG file">
            Export panel images…
          </button>
          <button type="button" className="button-primary" disabled={running !== null} onClick={() => void exportChosen()}>
            {running ? 'Exporting…' : 'Export…'}
          </button>
        </div>
      </div>
    </div>
  );
}

export function ExportDialog() {
  const { open, settings, aspectRatio, closeDialog } = useAppStore(
    useShallow((s) => ({ open: s.dialog?.kind === 'export' && s.doc !== null, settings: s.doc?.exportSettings, aspectRatio: s.doc?.aspectRatio ?? '16:9', closeDialog: s.closeDialog })),
  );
  return (
    <Modal open={open} title="Export" onClose={closeDialog} className="dialog-wide">
      {open && settings && <ExportBody saved={settings} aspectRatio={aspectRatio} onClose={closeDialog} />}
    </Modal>
  );
}
