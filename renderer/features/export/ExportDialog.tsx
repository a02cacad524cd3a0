/**
 * Export contact sheet (title bar button, Ctrl/⌘+E): the options, a live preview of page 1 with
 * the page count and a zoom, then main asks where to save and writes the sheet, reporting
 * progress; or every active take as its own PNG. Panels without a take print as placeholders; the
 * result says which ones and offers to show the file. A large board exports as A4 pages unless
 * the artist chooses one long image here.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LARGE_BOARD_PANELS, type ExportSettings } from '../../../shared/domain/project';
import { useAppStore } from '../../state/store-context';
import { messageOf } from '../../lib/errors';
import { plural } from '../../lib/format';
import { liveSelection } from '../../state/selection-slice';
import { Modal } from '../../ui/Modal';
import { ExportSettingsForm } from './ExportSettingsForm';
import { ExportPreviewPane } from './ExportPreviewPane';
import { EXPORT_FORMATS, type ExportFormat } from './export-formats';
import { SelectField } from '../../ui/fields';

type Outcome = { ok: boolean; text: string; revealable?: boolean } | null;

function describeMissing(numbers: readonly number[]): string {
  if (numbers.length === 0) return '';
  const list = numbers.length > 8 ? `${numbers.slice(0, 8).join(', ')}…` : numbers.join(', ');
  return ` ${plural(numbers.length, 'panel')} without a take (${list}) show as placeholders.`;
}

function ExportBody({ saved, onClose }: { saved: ExportSettings; onClose: () => void }) {
  const { selection, panelCount, progress, exportContactSheet, exportPanelImages, exportProduction, revealExport } = useAppStore(
    useShallow((s) => ({
      selection: liveSelection(s.doc, s.selectedIds).join(','),
      panelCount: s.doc?.panels.length ?? 0,
      progress: s.exportProgress,
      exportContactSheet: s.exportContactSheet,
      exportPanelImages: s.exportPanelImages,
      exportProduction: s.exportProduction,
      revealExport: s.revealExport,
    })),
  );
  const selectedIds = selection === '' ? [] : selection.split(',');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [longImageChosen, setLongImageChosen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('png');
  const exported = saved.selectedOnly && selectedIds.length > 0 ? selectedIds.length : panelCount;
  // Pages for a large board unless one long image was chosen here: the saved "none" may just be the old default.
  const paged = saved.page === 'none' && exported > LARGE_BOARD_PANELS && !longImageChosen;
  const settings: ExportSettings = paged ? { ...saved, page: 'a4' } : saved;

  const run = async (action: () => Promise<Outcome>) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await action());
    } catch (error) {
      setOutcome({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const exportSheet = () =>
    run(async () => {
      const result = await exportContactSheet(selectedIds, settings);
      if (!result) return null;
      const where = result.files.length === 1 ? result.files[0] : `${plural(result.pages, 'page')} next to ${result.files[0]}`;
      return { ok: true, text: `Contact sheet saved: ${where}.${describeMissing(result.missingImages)}`, revealable: true };
    });
  const exportOther = (chosen: Exclude<ExportFormat, 'png'>) =>
    run(async () => {
      const result = await exportProduction(chosen, selectedIds, settings.selectedOnly);
      if (!result) return null;
      return { ok: true, text: `Saved: ${result.files[0] ?? ''}${result.files.length > 1 ? ` and ${plural(result.files.length - 1, 'more file')}` : ''}.${describeMissing(result.withoutImage)}`, revealable: true };
    });
  const exportChosen = () => (format === 'png' ? exportSheet() : exportOther(format));
  const exportImages = () =>
    run(async () => {
      const result = await exportPanelImages(selectedIds, settings.selectedOnly);
      if (!result) return null;
      return { ok: true, text: `${plural(result.files.length, 'panel image')} saved.${describeMissing(result.withoutImage)}`, revealable: result.files.length > 0 };
    });

  return (
    <div className="export-layout">
      <ExportSettingsForm settings={settings} selectionCount={selectedIds.length} onChoosePage={(page) => setLongImageChosen(page === 'none')} />
      <div className="export-side">
        <SelectField label="Format" value={format} options={EXPORT_FORMATS} onChange={setFormat} />
        <p className="small">{EXPORT_FORMATS.find((choice) => choice.value === format)?.hint}</p>
        {paged && <p className="callout small">{exported} panels: exporting as A4 pages. Choose “One long image” under Layout for a single file.</p>}
        {format === 'png' && <ExportPreviewPane settings={settings} selectedIds={selectedIds} />}
        <div role="status" aria-live="polite" className="status-line">
          {busy && progress && (
            <span className="export-progress">
              <progress className="progress" aria-label="Export progress" max={progress.total} value={progress.done} /> {format === 'png' ? `Page ${progress.page} of ${progress.pages}` : `${progress.done} of ${progress.total}`}
            </span>
          )}
          {outcome && <p className={outcome.ok ? 'callout callout-ok' : 'callout callout-error'}>{outcome.text}</p>}
          {outcome?.revealable && <RevealActions reveal={(target) => run(async () => (await revealExport(target), outcome))} />}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" disabled={busy} onClick={() => void exportImages()} title="Every active take as its own PNG file">
            Export panel images…
          </button>
          <button type="button" className="button-primary" disabled={busy} onClick={() => void exportChosen()}>
            {busy ? 'Exporting…' : 'Export…'}
          </button>
        </div>
      </div>
    </div>
  );
}

function RevealActions({ reveal }: { reveal: (target: 'folder' | 'file') => Promise<void> }) {
  return (
    <span className="reveal-actions">
      <button type="button" className="button-small" onClick={() => void reveal('folder')}>
        Show in folder
      </button>
      <button type="button" className="button-small" onClick={() => void reveal('file')}>
        Open
      </button>
    </span>
  );
}

export function ExportDialog() {
  const { open, settings, closeDialog } = useAppStore(
    useShallow((s) => ({ open: s.dialog?.kind === 'export' && s.doc !== null, settings: s.doc?.exportSettings, closeDialog: s.closeDialog })),
  );
  return (
    <Modal open={open} title="Export contact sheet" onClose={closeDialog} className="dialog-wide">
      {open && settings && <ExportBody saved={settings} onClose={closeDialog} />}
    </Modal>
  );
}
