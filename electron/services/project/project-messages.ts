/**
 * Sentences for the artist about a project that cannot be opened as is. Each says what is wrong,
 * that Castboard did not change the file, and what to do (usually: open the newest good backup).
 * Dates are local time, short ("21 Nov 17:40"), as the artist saw them on their clock.
 */
import type { BackupInfo, ImageProblem } from '../../../shared/domain/project-status';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatShortDate(date: Date, now: Date = new Date()): string {
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  const year = date.getFullYear() === now.getFullYear() ? '' : ` ${date.getFullYear()}`;
  return `${date.getDate()} ${MONTHS[date.getMonth()]}${year} ${hh}:${mm}`;
}

/** ['panels', 2, 'takes', 0, 'seed'] -> 'panel 3, take 1, seed'. */
export function describeIssuePath(issuePath: readonly PropertyKey[]): string {
  const parts: string[] = [];
  const singular: Record<string, string> = { panels: 'panel', takes: 'take', characters: 'character', pendingJobs: 'pending job', captions: 'caption' };
  for (let index = 0; index < issuePath.length; index += 1) {
    const key = issuePath[index];
    const next = issuePath[index + 1];
    if (typeof key === 'string' && typeof next === 'number' && singular[key]) {
      parts.push(`${singular[key]} ${next + 1}`);
      index += 1;
    } else if (typeof key === 'number') {
      parts.push(`item ${key + 1}`);
    } else {
      parts.push(String(key));
    }
  }
  return parts.length > 0 ? parts.join(', ') : 'the document';
}

export const UNCHANGED = 'Castboard did not change it.';

/** The closing offer: the newest good backup, or a plain statement that there is none. */
export function backupOffer(backups: readonly BackupInfo[], now: Date = new Date()): string {
  const newest = backups[0];
  if (!newest) return 'There is no backup of this project to go back to.';
  return `Open the newest backup from ${formatShortDate(new Date(newest.savedAt), now)} instead?`;
}

export function summarizeImageProblems(problems: readonly ImageProblem[]): string | null {
  if (problems.length === 0) return null;
  const missing = problems.filter((p) => p.problem === 'missing');
  const corrupt = problems.filter((p) => p.problem === 'corrupt');
  const where = (list: readonly ImageProblem[]) => {
    const places = list.flatMap((p) => p.usedBy);
    const shown = places.slice(0, 3).join('; ');
    return places.length > 3 ? `${shown}; and ${places.length - 3} more` : shown;
  };
  const sentences: string[] = [];
  if (missing.length > 0) {
    sentences.push(`${missing.length === 1 ? '1 image is' : `${missing.length} images are`} missing from the images/ folder (${where(missing)}).`);
  }
  if (corrupt.length > 0) {
    sentences.push(`${corrupt.length === 1 ? '1 image is' : `${corrupt.length} images are`} damaged or incomplete (${where(corrupt)}).`);
  }
  sentences.push(
    'They show as placeholders and stay in the project, so they come back if you put the original files back into images/; you can also generate those panels again.',
  );
  return sentences.join(' ');
}
