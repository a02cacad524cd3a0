/**
 * Paths shortened in the middle for lists (recent projects on the start screen and in the menu):
 * the root and the folder's last parts stay, the middle becomes "…". Two projects with the same
 * title usually differ in a parent folder near the end, which a cut at the end loses; here the
 * last parts are kept, and paths that would still look alike keep more parts until they differ.
 * Pure string work (no node:path), so the renderer and main share it. The full path belongs in a
 * tooltip or accessible description next to the short one.
 */

export const SHORT_PATH_BUDGET = 48;
const ELLIPSIS = '…';
/** The project folder and its parent: the least that is always shown. */
const MIN_KEPT_PARTS = 2;

interface Split {
  separator: string;
  /** '' for a POSIX root, 'C:' for a Windows drive, '' for a relative path's start. */
  head: string;
  parts: string[];
}

function split(fullPath: string): Split {
  const separator = fullPath.includes('\\') && !fullPath.includes('/') ? '\\' : '/';
  const [head = '', ...parts] = fullPath.split(separator);
  return { separator, head, parts: parts.filter((part) => part !== '') };
}

/** `fullPath` with only its last `kept` parts after the root; unchanged when that saves nothing. */
function keepLast({ separator, head, parts }: Split, fullPath: string, kept: number): string {
  if (kept >= parts.length) return fullPath;
  const short = [head, ELLIPSIS, ...parts.slice(parts.length - kept)].join(separator);
  return short.length < fullPath.length ? short : fullPath;
}

/**
 * Each path shortened in the middle to about `budget` characters (never fewer than its last two
 * parts), keeping more parts wherever two different paths would otherwise read the same.
 */
export function shortPaths(fullPaths: readonly string[], budget = SHORT_PATH_BUDGET): string[] {
  const splits = fullPaths.map(split);
  const kept = splits.map(({ parts }, index) => {
    let count = Math.min(MIN_KEPT_PARTS, parts.length);
    while (count < parts.length && keepLast(splits[index]!, fullPaths[index]!, count + 1).length <= budget) count += 1;
    return count;
  });
  const shown = () => splits.map((parts, index) => keepLast(parts, fullPaths[index]!, kept[index]!));
  // Grow the parts kept of paths that read alike; ends because a path kept whole is unique.
  for (let grew = true; grew; ) {
    grew = false;
    const current = shown();
    current.forEach((text, index) => {
      const alike = current.some((other, otherIndex) => other === text && fullPaths[otherIndex] !== fullPaths[index]);
      if (alike && kept[index]! < splits[index]!.parts.length) {
        kept[index] = kept[index]! + 1;
        grew = true;
      }
    });
  }
  return shown();
}

/** One path shortened in the middle (see shortPaths). */
export const shortPath = (fullPath: string, budget = SHORT_PATH_BUDGET): string => shortPaths([fullPath], budget)[0]!;
