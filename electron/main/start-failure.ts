/**
 * What the artist is told when Castboard cannot start (its services or window could not be set
 * up): a native error box naming the reason and where the log is, instead of an app that quits
 * without a word after a double-click. Nothing of a project has been touched at that point: a
 * project is opened only after start-up succeeded. The reason is redacted like every message that
 * leaves main (it may quote a settings value). Pure; index.ts shows it with dialog.showErrorBox,
 * which Electron allows even before the app is ready.
 */
import { redactOutgoing } from '../services/logging/redact';

export function startFailureMessage(error: unknown, logFile: string): { title: string; content: string } {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    title: 'Castboard could not start',
    content: [
      redactOutgoing(reason.trim() || 'An unexpected error stopped it.'),
      'Your projects were not opened or changed. Start Castboard again; if this keeps happening, send the log file with your report:',
      logFile,
    ].join('\n\n'),
  };
}
