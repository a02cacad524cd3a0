/**
 * Running exports from the dialog: one at a time, its kind (for the progress wording), and its
 * outcome in words (export-outcomes.ts: saved with the file, cancelled, or what went wrong). A
 * cancelled export is a plain note, never an error. An outcome belongs to the format and settings
 * it was made with: once the artist changes them, it is cleared, so "Contact sheet saved" never
 * sits under the PDF's options. When the dialog goes away while an export runs, the export is
 * cancelled: nothing is written behind the artist's back.
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

/** `madeWith`: the format and settings on screen, as one string; an outcome shows while it is unchanged. */
export function useExportRuns(madeWith: string) {
  const cancelExport = useAppStore((s) => s.cancelExport);
  const revealExport = useAppStore((s) => s.revealExport);
  const [running, setRunning] = useState<ExportKind | null>(null);
  const [result, setResult] = useState<{ outcome: Outcome; madeWith: string } | null>(null);
  // Changed format or settings: the last outcome speaks of another file, so it goes.
  if (result && result.madeWith !== madeWith) setResult(null);

  const runningRef = useRef(running);
  const madeWithRef = useRef(madeWith);
  useEffect(() => {
    runningRef.current = running;
    madeWithRef.current = madeWith;
  }, [running, madeWith]);
  useEffect(
    () => () => {
      if (runningRef.current) void cancelExport();
    },
    [cancelExport],
  );

  // Stamped with what is on screen when it ends: the format cannot change while an export runs,
  // and a setting changed meanwhile must not hide that the export finished.
  const show = (outcome: Outcome) => setResult({ outcome, madeWith: madeWithRef.current });
  const run = async (kind: ExportKind, action: () => Promise<Outcome>) => {
    setRunning(kind);
    setResult(null);
    try {
      show(await action());
    } catch (error) {
      const cancelled = isCastboardError(error) && error.code === 'CANCELLED';
      show(cancelled ? { kind: 'cancelled', text: 'Export cancelled. Nothing was written.' } : { kind: 'failed', text: messageOf(error) });
    } finally {
      setRunning(null);
    }
  };
  const reveal = (target: 'folder' | 'file') => revealExport(target).catch((error: unknown) => show({ kind: 'failed', text: messageOf(error) }));
  /** "Page 2 of 5" for a paged contact sheet, else "3 of 12 panels" (images, stills...). */
  const progressLabel = ({ done, total, page, pages }: ExportProgress) =>
    running === 'png' && pages > 1 ? `Page ${page} of ${pages}` : `${done} of ${plural(total, PROGRESS_UNITS[running ?? 'png'])}`;
  const outcome = result?.madeWith === madeWith ? result.outcome : null;
  return { running, outcome, run, reveal, cancel: cancelExport, progressLabel };
}
