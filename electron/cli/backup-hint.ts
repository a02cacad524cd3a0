/**
 * The CLI's ending for "this project.json cannot be opened". The app closes that message with a
 * question its button answers ("Open the newest backup from 30 Nov 23:47 instead?"); a command
 * cannot answer it, so it names the newest good backup by its path and gives the copy step that
 * restores it (the damaged file is moved aside under the name the app gives it,
 * project.before-restore-<time>.json, so an earlier one is never overwritten or asked about).
 * The step is written for the shell of the platform the command runs on: `mv`/`cp` with POSIX
 * quoting, or on Windows `move`/`copy` with double quotes (the same words work in PowerShell and
 * Command Prompt), or PowerShell's -LiteralPath form when a path holds characters one of those
 * shells would expand ($, `, %, or the wildcards [ ]).
 */
import path from 'node:path';
import type { ProjectOpenError } from '../services/project/project-reader';
import { formatShortDate } from '../services/project/project-messages';
import { movedAsideName } from '../services/project/project-folder';
import { BACKUPS_DIR, PROJECT_FILE } from '../services/project/project-paths';
import { posixWord } from './shell-word';


/** A path PowerShell reads literally: single quotes, a quote inside doubled. */
const powerShellWord = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** Characters PowerShell ($, `, [ ]) or Command Prompt (%) would not leave alone inside double quotes. */
const EXPANDED_ON_WINDOWS = /[$`[\]%]/;

interface RestoreStep {
  backup: string;
  current: string;
  /** project.json is there (damaged): move it aside before copying the backup in. */
  keepDamaged: boolean;
  /** Where the damaged project.json goes. */
  aside: string;
}

function posixCommand({ backup, current, keepDamaged, aside }: RestoreStep): string {
  const copy = `cp ${posixWord(backup)} ${posixWord(current)}`;
  return keepDamaged ? `mv ${posixWord(current)} ${posixWord(aside)} && ${copy}` : copy;
}

/** Windows paths cannot hold a double quote, so double quotes alone are correct quoting for both shells. */
function windowsCommand({ backup, current, keepDamaged, aside: damaged }: RestoreStep): string {
  if ([backup, current].some((file) => EXPANDED_ON_WINDOWS.test(file))) {
    const copy = `Copy-Item -LiteralPath ${powerShellWord(backup)} -Destination ${powerShellWord(current)}`;
    const command = keepDamaged ? `Move-Item -LiteralPath ${powerShellWord(current)} -Destination ${powerShellWord(damaged)}; ${copy}` : copy;
    return `${command} (in PowerShell)`;
  }
  const copy = `copy "${backup}" "${current}"`;
  // `&&` chains in Command Prompt (and PowerShell 7), not in Windows PowerShell 5: two commands, one per line.
  return keepDamaged ? `run these two commands, one after the other (PowerShell or Command Prompt):\n  move "${current}" "${damaged}"\n  ${copy}` : copy;
}

export function cliBackupEnding(error: ProjectOpenError, root: string, now: Date = new Date(), platform: NodeJS.Platform = process.platform): string | null {
  const newest = error.backups[0];
  if (!error.offer || !newest) return null;
  const paths = platform === 'win32' ? path.win32 : path;
  const step: RestoreStep = {
    backup: paths.join(root, BACKUPS_DIR, newest.fileName),
    current: paths.join(root, PROJECT_FILE),
    aside: paths.join(root, movedAsideName(now)),
    // With no project.json there is nothing to keep aside; otherwise the damaged file is kept.
    keepDamaged: error.reason !== 'no-project-file',
  };
  const command = platform === 'win32' ? windowsCommand(step) : posixCommand(step);
  const restore = step.keepDamaged ? `keep the damaged file aside and copy the backup in its place: ${command}` : `copy it in as project.json: ${command}`;
  const saved = `saved ${formatShortDate(new Date(newest.savedAt), now)}, ${newest.panelCount} panel${newest.panelCount === 1 ? '' : 's'}`;
  return `The newest good backup is ${step.backup} (${saved}). To restore it, ${restore}`;
}

/** The error's message with the app's closing question replaced by the CLI's ending. */
export function withCliBackupEnding(error: ProjectOpenError, root: string, platform: NodeJS.Platform = process.platform): string {
  const ending = cliBackupEnding(error, root, new Date(), platform);
  if (!ending || !error.message.endsWith(error.offer)) return error.message;
  return `${error.message.slice(0, -error.offer.length)}${ending}`;
}
