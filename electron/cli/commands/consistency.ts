/**
 * `castboard consistency`: checks that each panel's take on the board still shows the featured
 * character, by comparing faces with the character's reference image, on this computer (free,
 * nothing is sent anywhere). Read-only on project.json and lock-free, like info and export; it
 * writes only in the project's cache/ folder (atomically): the face descriptors (faces.json, which
 * make the next run fast) and the outcomes (consistency.json, merged with the saved ones by the
 * app's own rules), so the app shows them when it opens the project. A failed cache write is a
 * warning on stderr, never a failure: the exit code is the check's.
 * Exit codes: 0 when every checked panel is consistent, 1 when any drifted or when no panel could
 * be checked at all, 2 usage errors. Panels that could not be checked never count as consistent:
 * they are listed with the reason, and a run that checked nothing fails (a CI gate must not pass
 * having verified nothing).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { NotCheckedReason, TakeConsistency } from '../../../shared/domain/consistency';
import { CONSISTENCY_THRESHOLD_RANGE, DEFAULT_CONSISTENCY_THRESHOLD, NOT_CHECKED_TEXT } from '../../../shared/domain/consistency-outcomes';
import type { Project } from '../../../shared/domain/project';
import { createConsistencyService } from '../../services/consistency/consistency-service';
import { createSavedResults } from '../../services/consistency/saved-results';
import { describeWriteFailure, writeAgainAdvice } from '../../services/project/fs-errors';
import { CACHE_DIR } from '../../services/project/project-paths';
import { numberOption, plural, projectDirArg } from '../cli-args';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../cli-io';
import { readProject } from '../cli-project';
import { parsePanelList } from '../panel-list';
import { createProgressLine } from '../progress';
import { shellWord } from '../shell-word';

const USAGE = 'castboard consistency <dir> [--panels <list>] [--threshold <d>] [--json]';

export const consistencyHelp = `Usage: ${USAGE}

Checks that each panel's take on the board still shows the character: the closest face in the
image is compared with the face in the featured character's reference image. Runs on this computer,
free (nothing is sent to the gateway). Prints each panel's outcome and face distance:
  consistent    distance at or below the threshold
  drifted       a face was found, but it is further than the threshold
  not checked   no face found (stylised panels often show none), no image, no reference face,
                a reference image file that is missing or damaged
Never changes project.json; works while the project is open in Castboard. It writes only in
<dir>/cache/: face descriptors, so the next check is fast, and these outcomes, which Castboard
shows when it opens the project (added to the ones saved before; marked out of date there when
the panel's take or the character's reference changes).

Options:
  --panels <list>   only these panels, e.g. 1,3-5
  --threshold <d>   the largest distance still counted as consistent, ${CONSISTENCY_THRESHOLD_RANGE.min}-${CONSISTENCY_THRESHOLD_RANGE.max} (default ${DEFAULT_CONSISTENCY_THRESHOLD})
  --json            print the outcomes as JSON
  --help            show this help

Exit codes: 0 every checked panel is consistent, 1 some panel drifted, no panel could be checked
(all "not checked") or the check failed, 2 usage error.`;

interface Row extends TakeConsistency {
  number: number;
}

function rowsFor(project: Project, results: readonly TakeConsistency[]): Row[] {
  const numbers = new Map(project.panels.map((panel, index) => [panel.id, index + 1]));
  return results.map((result) => ({ ...result, number: numbers.get(result.panelId) ?? 0 }));
}

/** The shared words for why a panel was not checked, plus the command that fixes it where the CLI has one. */
function reasonText(reason: NotCheckedReason, dir: string): string {
  const text = NOT_CHECKED_TEXT[reason];
  return reason === 'reference-unreadable' ? `${text} (or run: castboard character set ${shellWord(dir)} --character <name> --image <file>)` : text;
}

function printText(io: CliIo, dir: string, rows: readonly Row[], threshold: number): void {
  io.stdout(`Consistency (threshold ${threshold.toFixed(2)}; checked on this computer, free):`);
  for (const row of rows) {
    const status = row.status === 'not-checked' ? 'not checked' : row.status;
    const detail = row.distance !== null ? row.distance.toFixed(3) : row.reason ? reasonText(row.reason, dir) : '';
    io.stdout(`  ${String(row.number).padStart(3)}  ${status.padEnd(12)} ${detail}`);
  }
  const count = (status: Row['status']) => rows.filter((row) => row.status === status).length;
  io.stdout(`${count('consistent')} consistent, ${count('drifted')} drifted, ${count('not-checked')} not checked.`);
  const drifted = rows.filter((row) => row.status === 'drifted').map((row) => row.number);
  if (drifted.length) io.stderr(`Drifted: ${plural(drifted.length, 'panel')} (${drifted.join(',')}). Regenerate them with: castboard generate ${shellWord(dir)} --panels ${drifted.join(',')}`);
}

/**
 * Keeps the outcomes where the app looks for them when it opens the project. A check that could
 * not be saved is still a check: the artist is told in a warning, and the exit code stays the check's.
 */
async function saveForTheApp(io: CliIo, root: string, project: Project, results: readonly TakeConsistency[]): Promise<void> {
  const saved = await createSavedResults().remember(root, project, results);
  if (saved.saved) return;
  const advice = writeAgainAdvice(saved.error);
  io.stderr(
    `Warning: these outcomes were not saved, so the Castboard app will not show them when it opens this project. ${describeWriteFailure(saved.error, path.join(root, CACHE_DIR))} ` +
      `The check itself is done (the outcomes above and the exit code are unaffected); ${advice}, then run it again to save them.`,
  );
}

/** Every panel asked for was "not checked": nothing was verified, so the run fails. */
const nothingChecked = (rows: readonly Row[]): boolean => rows.length > 0 && rows.every((row) => row.status === 'not-checked');

/** 'Nothing was checked: all 3 panels are "not checked" (3: the character has no reference image)...' */
function nothingCheckedLine(dir: string, rows: readonly Row[]): string {
  const byReason = new Map<string, number>();
  for (const row of rows) {
    const text = row.reason ? reasonText(row.reason, dir) : 'no reason given';
    byReason.set(text, (byReason.get(text) ?? 0) + 1);
  }
  const only = rows.length === 1 ? rows[0] : undefined;
  const reasons = [...byReason].map(([text, count]) => (only ? text : `${count}: ${text}`)).join('; ');
  const subject = only ? `panel ${only.number} is` : `all ${rows.length} panels are`;
  return `Nothing was checked: ${subject} "not checked" (${reasons}). Not checked never counts as consistent, so this check fails. Fix the reason above, then run it again.`;
}

export async function runConsistency(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { panels: { type: 'string' }, threshold: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const dir = projectDirArg(positionals, USAGE);
  const threshold = numberOption(values.threshold, '--threshold', CONSISTENCY_THRESHOLD_RANGE.min, CONSISTENCY_THRESHOLD_RANGE.max) ?? DEFAULT_CONSISTENCY_THRESHOLD;
  const { root, project } = await readProject(dir);
  const numbers = values.panels === undefined ? null : parsePanelList(values.panels, project.panels.length);
  const panelIds = numbers?.map((number) => project.panels[number - 1]!.id);
  const service = createConsistencyService();
  const progress = createProgressLine(io);
  let results: TakeConsistency[];
  try {
    results = await service.check({ root, project, threshold, ...(panelIds ? { panelIds } : {}), onProgress: (done, total) => progress.bar('Checking', done, total, 'panels') });
  } finally {
    progress.end();
    await service.close();
  }
  const rows = rowsFor(project, results);
  if (values.json) io.stdout(JSON.stringify({ threshold, panels: rows.map(({ number, status, distance, reason, takeId }) => ({ number, status, distance, reason, takeId })) }));
  else printText(io, dir, rows, threshold);
  await saveForTheApp(io, root, project, results);
  if (nothingChecked(rows)) {
    io.stderr(nothingCheckedLine(dir, rows));
    return EXIT_FAILURE;
  }
  return rows.some((row) => row.status === 'drifted') ? EXIT_FAILURE : EXIT_OK;
}
