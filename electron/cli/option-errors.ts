/**
 * The words for a mistyped option. Node's parseArgs says "Unknown option '--dryrun'. To specify a
 * positional argument starting with a '-', place it ... as in '-- "--dryrun"" (its last quote is
 * never closed, and the advice is rarely what was meant): the CLI names the option instead, and
 * the command's own option it most likely stands for.
 */

/** The options a help text lists, e.g. ['--panels', '--dry-run']. */
function optionsIn(help: string): string[] {
  return [...new Set(help.match(/--[a-z][a-z-]*/g) ?? [])];
}

/** Letters only, lower case: "--dryrun", "--dry_run" and "--Dry-Run" all read "dryrun". */
const letters = (option: string): string => option.toLowerCase().replace(/[^a-z]/g, '');

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** The listed option closest to `given` (same letters, or one or two typos away), if any. */
export function closestOption(given: string, help: string): string | null {
  const wanted = letters(given);
  if (wanted.length < 3) return null;
  const scored = optionsIn(help).map((option) => ({ option, distance: editDistance(wanted, letters(option)) }));
  const best = scored.sort((a, b) => a.distance - b.distance)[0];
  return best && best.distance <= Math.min(2, Math.floor(wanted.length / 3)) ? best.option : null;
}

/** parseArgs' message for an unknown option, rewritten; other messages unchanged. */
export function optionErrorMessage(error: { code?: string; message: string }, help: string): string {
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return error.message;
  const given = /^Unknown option '([^']*)'/.exec(error.message)?.[1];
  if (given === undefined) return error.message;
  const suggestion = closestOption(given, help);
  return `Unknown option "${given}".${suggestion ? ` Did you mean ${suggestion}?` : ''}`;
}
