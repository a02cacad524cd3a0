/**
 * A second Castboard process for tests, run with `node --import tsx project-child.ts <mode> <folder>`:
 *   open      try to open the project, print {ok} or {code, message}, close without saving.
 *   edit-save open, change the title to something long, save, print the result and the status.
 * Prints one JSON line on stdout.
 */
import { isCastboardError } from '../../../../shared/errors';
import { openProject } from '../../../../electron/services/project/project-open';

async function main(): Promise<unknown> {
  const [mode, folder] = process.argv.slice(2);
  if (!folder || (mode !== 'open' && mode !== 'edit-save')) throw new Error('usage: project-child open|edit-save <folder>');
  const session = await openProject(folder, { autosaveDelayMs: null });
  try {
    if (mode === 'open') return { ok: true };
    session.update({ ...session.project, title: `Edited in a second process ${'x'.repeat(150)}`, panels: session.project.panels.map((panel) => ({ ...panel, notes: 'n'.repeat(3000) })) });
    const outcome = await session.save().then(
      () => ({ ok: true }),
      (error: unknown) => (isCastboardError(error) ? { ok: false, code: error.code, message: error.message } : { ok: false, message: String(error) }),
    );
    return { ...outcome, status: session.status };
  } finally {
    await session.close({ save: false });
  }
}

main().then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    const answer = isCastboardError(error) ? { ok: false, code: error.code, message: error.message } : { ok: false, message: String(error) };
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  },
);
