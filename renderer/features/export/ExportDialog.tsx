/**
 * The Export dialog (title bar button, File menu, Ctrl/⌘+E): a format choice (contact sheet PNG,
 * PDF board, MP4 animatic, GIF, FCPXML timeline, shot list CSV) with that format's options, saved
 * in the project as they change; a live preview where one makes sense; then main asks where to
 * save and writes the file, reporting progress, with a Cancel that stops it and writes nothing.
 * "Export panel images…" writes every active take as its own PNG. Closing the dialog while an
 * export runs cancels it. A large board exports its sheet as A4 pages unless the artist chooses
 * one long image here. The options and preview scroll; the status line and the buttons are pinned
 * at the bottom, always in view. The status speaks only of the format and settings on screen.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { productionSettings } from '../../../shared/domain/production-settings';
import type { ExportSettings } from '../../../shared/domain/project';
import { LARGE_BOARD_PANELS } from '../../../shared/domain/project-export-fields';
import { useAppStore } from '../../state/store-context';
import { liveSelection } from '../../state/selection-slice';
import { Modal } from '../../ui/Modal';
import { CheckboxField, SelectField } from '../../ui/fields';
import { EXPORT_FORMATS, type ExportFormat } from './export-formats';
import { ExportPreviewPane } from './ExportPreviewPane';
import { ExportSettingsForm } from './ExportSettingsForm';
import { ExportStatus } from './ExportStatus';
import { FormatOptionsForm } from './FormatOptionsForm';
import { ProductionPreviewPane } from './ProductionPreviewPane';
import { outcomes } from './export-outcomes';
import { useExportRuns } from './use-export-runs';

function ExportBody({ saved, aspectRatio, onClose }: { saved: ExportSettings; aspectRatio: string; onClose: () => void }) {
  const s = useAppStore(
    useShallow((state) => ({
      selection: liveSelection(state.doc, state.selectedIds).join(','),
      panelCount: state.doc?.panels.length ?? 0,
      progress: state.exportProgress,
      exportContactSheet: state.exportContactSheet,
      exportPanelImages: state.exportPanelImages,
      exportProduction: state.exportProduction,
      updateExportSettings: state.updateExportSettings,
    })),
  );
  const selectedIds = s.selection === '' ? [] : s.selection.split(',');
  const [longImageChosen, setLongImageChosen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('png');
  const production = useMemo(() => productionSettings(saved), [saved]);
  const exported = saved.selectedOnly && selectedIds.length > 0 ? selectedIds.length : s.panelCount;
  // Pages for a large board unless one long image was chosen here: the saved "none" may just be the old default.
  const paged = saved.page === 'none' && exported > LARGE_BOARD_PANELS && !longImageChosen;
  const settings: ExportSettings = paged ? { ...saved, page: 'a4' } : saved;
  // What an export made here is made with; its outcome is cleared when this changes.
  const madeWith = JSON.stringify([format, format === 'png' ? settings : production, saved.selectedOnly]);
  const { running, outcome, run, reveal, cancel, progressLabel } = useExportRuns(madeWith);
  const chosen = EXPORT_FORMATS.find((choice) => choice.value === format);

  const exportChosen = () =>
    format === 'png'
      ? run('png', async () => outcomes.sheet(await s.exportContactSheet(selectedIds, settings)))
      : run(format, async () => outcomes.production(format, await s.exportProduction(format, production, selectedIds, saved.selectedOnly)));
  const exportImages = () => run('panels', async () => outcomes.panels(await s.exportPanelImages(selectedIds, saved.selectedOnly)));

  return (
    <div className="export-body">
      <div className="export-layout">
        <div className="export-form">
          <SelectField label="Format" value={format} options={EXPORT_FORMATS} onChange={setFormat} disabled={running !== null} />
          <p className="small muted">{chosen?.hint}</p>
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
        </div>
      </div>
      <footer className="export-footer">
        <ExportStatus busy={running !== null} progress={s.progress} label={progressLabel} outcome={outcome} onCancel={cancel} onReveal={reveal} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="button" disabled={running !== null} onClick={() => void exportImages()} title="The take on the board of every panel, each as its own PNG file">
            Export panel images…
          </button>
          <button type="button" className="button-primary" disabled={running !== null} onClick={() => void exportChosen()}>
            {running ? 'Exporting…' : chosen?.action}
          </button>
        </div>
      </footer>
    </div>
  );
}

export function ExportDialog() {
  const { open, settings, aspectRatio, closeDialog } = useAppStore(
    useShallow((s) => ({ open: s.dialog?.kind === 'export' && s.doc !== null, settings: s.doc?.exportSettings, aspectRatio: s.doc?.aspectRatio ?? '16:9', closeDialog: s.closeDialog })),
  );
  return (
    <Modal open={open} title="Export" onClose={closeDialog} className="dialog-wide dialog-export">
      {open && settings && <ExportBody saved={settings} aspectRatio={aspectRatio} onClose={closeDialog} />}
    </Modal>
  );
}
