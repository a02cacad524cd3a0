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

/** The candidate closest to `given` (same letters, or one or two typos away), if any. */
function closest(given: string, candidates: readonly string[]): string | null {
  const wanted = letters(given);
  if (wanted.length < 3) return null;
  const scored = candidates.map((candidate) => ({ candidate, distance: editDistance(wanted, letters(candidate)) }));
  const best = scored.sort((a, b) => a.distance - b.distance)[0];
  return best && best.distance <= Math.min(2, Math.floor(wanted.length / 3)) ? best.candidate : null;
}

/** The listed option closest to `given`, if any. */
export function closestOption(given: string, help: string): string | null {
  return closest(given, optionsIn(help));
}

/**
 * Words other tools use for a command Castboard names differently: `castboard new` is what
 * someone who knows `git init`'s cousins types first.
 */
const COMMAND_SYNONYMS: Readonly<Record<string, string>> = {
  new: 'init',
  create: 'init',
  add: 'panel add',
  status: 'info',
  show: 'info',
  list: 'info',
  draw: 'generate',
  gen: 'generate',
  remix: 'restyle',
  key: 'check',
};

/** The words for an unknown command, with the command it most likely stands for. */
export function unknownCommandMessage(given: string, commands: readonly string[]): string {
  const suggestion = COMMAND_SYNONYMS[given.toLowerCase()] ?? closest(given, commands);
  return `castboard: unknown command "${given}".${suggestion ? ` Did you mean \`castboard ${suggestion}\`?` : ''} Run \`castboard --help\` to see the commands.`;
}

/** parseArgs' message for an unknown option, rewritten; other messages unchanged. */
export function optionErrorMessage(error: { code?: string; message: string }, help: string): string {
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return error.message;
  const given = /^Unknown option '([^']*)'/.exec(error.message)?.[1];
  if (given === undefined) return error.message;
  const suggestion = closestOption(given, help);
  return `Unknown option "${given}".${suggestion ? ` Did you mean ${suggestion}?` : ''}`;
}
