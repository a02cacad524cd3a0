/**
 * The CLI's ending for "this project.json cannot be opened". The app closes that message with a
 * question its button answers ("Open the newest backup from 30 Nov 23:47 instead?"); a command
 * cannot answer it, so it names the newest good backup by its path and gives the copy step that
 * restores it (the damaged file is moved aside, never deleted, as the app does).
 */
import path from 'node:path';
import type { ProjectOpenError } from '../services/project/project-reader';
import { formatShortDate } from '../services/project/project-messages';
import { BACKUPS_DIR, PROJECT_FILE } from '../services/project/project-paths';

/** A path as one POSIX shell word (project folders often have spaces: "The Lighthouse.castboard"). */
const shellWord = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

export function cliBackupEnding(error: ProjectOpenError, root: string, now: Date = new Date()): string | null {
  const newest = error.backups[0];
  if (!error.offer || !newest) return null;
  const backup = path.join(root, BACKUPS_DIR, newest.fileName);
  const current = path.join(root, PROJECT_FILE);
  const copy = `cp ${shellWord(backup)} ${shellWord(current)}`;
  // With no project.json there is nothing to keep aside; otherwise the damaged file is kept.
  const restore =
    error.reason === 'no-project-file'
      ? `copy it in as project.json: ${copy}`
      : `keep the damaged file aside and copy the backup in its place: mv ${shellWord(current)} ${shellWord(`${current}.damaged`)} && ${copy}`;
  const saved = `saved ${formatShortDate(new Date(newest.savedAt), now)}, ${newest.panelCount} panel${newest.panelCount === 1 ? '' : 's'}`;
  return `The newest good backup is ${backup} (${saved}). To restore it, ${restore}`;
}

/** The error's message with the app's closing question replaced by the CLI's ending. */
export function withCliBackupEnding(error: ProjectOpenError, root: string): string {
  const ending = cliBackupEnding(error, root);
  if (!ending || !error.message.endsWith(error.offer)) return error.message;
  return `${error.message.slice(0, -error.offer.length)}${ending}`;
}
