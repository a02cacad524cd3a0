/**
 * Running exports from the dialog: one at a time, its kind (for the progress wording), and its
 * outcome in words (export-outcomes.ts: saved with the file, cancelled, or what went wrong). A
 * cancelled export is a plain note, never an error. When the dialog goes away while an export
 * runs, the export is cancelled: nothing is written behind the artist's back.
 */
import { useEffect, useRef, useState } from 'react';
import { isCastboardError } from '../../../shared/errors';
import { messageOf } from '../../lib/errors';
import { plural } from '../../lib/format';
import type { ExportProgress } from '../../state/export-slice';
import { useAppStore } from '../../state/store-context';
import { PROGRESS_UNITS, type ExportFormat } from './export-formats';
import type { Outcome } from './ExportStatus';

export type ExportKind = ExportFormat | 'panels';

export function useExportRuns() {
  const cancelExport = useAppStore((s) => s.cancelExport);
  const revealExport = useAppStore((s) => s.revealExport);
  const [running, setRunning] = useState<ExportKind | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const runningRef = useRef(running);
  useEffect(() => {
    runningRef.current = running;
  }, [running]);
  useEffect(
    () => () => {
      if (runningRef.current) void cancelExport();
    },
    [cancelExport],
  );

  const run = async (kind: ExportKind, action: () => Promise<Outcome>) => {
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
  const reveal = (target: 'folder' | 'file') => revealExport(target).catch((error: unknown) => setOutcome({ kind: 'failed', text: messageOf(error) }));
  /** "Page 2 of 5" for a paged contact sheet, else "3 of 12 panels" (images, stills...). */
  const progressLabel = ({ done, total, page, pages }: ExportProgress) =>
    running === 'png' && pages > 1 ? `Page ${page} of ${pages}` : `${done} of ${plural(total, PROGRESS_UNITS[running ?? 'png'])}`;
  return { running, outcome, run, reveal, cancel: cancelExport, progressLabel };
}
