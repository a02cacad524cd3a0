/**
 * Export contact sheet (title bar button, Ctrl/⌘+E): the options, a live preview of page 1,
 * then main asks where to save and writes the sheet, reporting progress; or every active take as
 * its own PNG. Panels without a take print as placeholders; the result says which ones.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ExportSettings } from '../../../shared/domain/project';
import { useAppStore } from '../../app/app-context';
import { messageOf } from '../../lib/errors';
import { plural } from '../../lib/format';
import { liveSelection } from '../../state/selection-slice';
import { Modal } from '../../ui/Modal';
import { ExportSettingsForm } from './ExportSettingsForm';
import { useExportPreview } from './use-export-preview';

const PREVIEW_WIDTH = 560;

type Outcome = { ok: boolean; text: string } | null;

function describeMissing(numbers: readonly number[]): string {
  if (numbers.length === 0) return '';
  const list = numbers.length > 8 ? `${numbers.slice(0, 8).join(', ')}…` : numbers.join(', ');
  return ` ${plural(numbers.length, 'panel')} without a take (${list}) show as placeholders.`;
}

function ExportBody({ settings, onClose }: { settings: ExportSettings; onClose: () => void }) {
  const { selection, progress, exportContactSheet, exportPanelImages } = useAppStore(
    useShallow((s) => ({
      selection: liveSelection(s.doc, s.selectedIds).join(','),
      progress: s.exportProgress,
      exportContactSheet: s.exportContactSheet,
      exportPanelImages: s.exportPanelImages,
    })),
  );
  const selectedIds = selection === '' ? [] : selection.split(',');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const preview = useExportPreview(settings, selectedIds, PREVIEW_WIDTH);

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
      const result = await exportContactSheet(selectedIds);
      if (!result) return null;
      const where = result.files.length === 1 ? result.files[0] : `${plural(result.pages, 'page')} next to ${result.files[0]}`;
      return { ok: true, text: `Contact sheet saved: ${where}.${describeMissing(result.missingImages)}` };
    });
  const exportImages = () =>
    run(async () => {
      const result = await exportPanelImages(selectedIds, settings.selectedOnly);
      if (!result) return null;
      return { ok: true, text: `${plural(result.files.length, 'panel image')} saved.${describeMissing(result.withoutImage)}` };
    });

  return (
    <div className="export-layout">
      <ExportSettingsForm settings={settings} selectionCount={selectedIds.length} />
      <div className="export-side">
        <figure className="export-preview" aria-busy={preview.loading}>
          {preview.url ? <img src={preview.url} alt="Preview of the contact sheet, page 1" /> : <span className="muted small">{preview.error ?? 'Drawing the preview…'}</span>}
          {preview.url && preview.error && <figcaption className="text-error small">{preview.error}</figcaption>}
        </figure>
        <div role="status" aria-live="polite" className="status-line">
          {busy && progress && (
            <span className="export-progress">
              <progress className="progress" aria-label="Export progress" max={progress.total} value={progress.done} /> Page {progress.page} of {progress.pages}
            </span>
          )}
          {outcome && <p className={outcome.ok ? 'callout callout-ok' : 'callout callout-error'}>{outcome.text}</p>}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" disabled={busy} onClick={() => void exportImages()} title="Every active take as its own PNG file">
            Export panel images…
          </button>
          <button type="button" className="button-primary" disabled={busy} onClick={() => void exportSheet()}>
            {busy ? 'Exporting…' : 'Export…'}
          </button>
        </div>
      </div>
    </div>
  );
}

export function ExportDialog() {
  const { open, settings, closeDialog } = useAppStore(
    useShallow((s) => ({ open: s.dialog?.kind === 'export' && s.doc !== null, settings: s.doc?.exportSettings, closeDialog: s.closeDialog })),
  );
  return (
    <Modal open={open} title="Export contact sheet" onClose={closeDialog} className="dialog-wide">
      {open && settings && <ExportBody settings={settings} onClose={closeDialog} />}
    </Modal>
  );
}
