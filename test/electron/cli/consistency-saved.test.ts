/**
 * `castboard consistency` keeps its outcomes where the app finds them: after a check from the
 * terminal, the app's own recall (what the board shows when the project opens) answers them for
 * those takes; a check of some panels keeps the others' outcomes; outcomes of takes the project no
 * longer has are dropped; a cache folder it may not write in is a warning, never a failed check.
 * Projects are made by the CLI (`init`, `panel add --image`) from the face fixtures.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TakeConsistency } from '../../../shared/domain/consistency';
import { removePanel } from '../../../shared/domain/project-edit';
import { readProject } from '../../../electron/cli/cli-project';
import { createSavedResults } from '../../../electron/services/consistency/saved-results';
import { writeProjectFile } from '../../../electron/services/project/project-writer';
import { blank, portrait } from '../services/consistency/sample-faces';
import { makeReadOnly } from '../services/project/read-only-folder';
import { cli, tempDir } from './cli-kit';

let dir: string;
let film: string;
let cleanup: () => Promise<void>;
/** What makes a folder writable again, run before the temp folder is removed. */
const undoers: Array<() => Promise<void>> = [];

/** Ada's reference; panel 1 shows Ada, 2 shows Ben, 3 shows no face. */
beforeEach(async () => {
  const temp = await tempDir();
  dir = temp.dir;
  cleanup = temp.cleanup;
  const file = async (name: string, bytes: Buffer) => {
    await writeFile(path.join(dir, name), bytes);
    return path.join(dir, name);
  };
  const [ada, ben, empty] = [await file('ada.png', await portrait('ada')), await file('ben.png', await portrait('ben')), await file('blank.png', await blank())];
  film = path.join(dir, 'film');
  expect((await cli(['init', film, '--title', 'Faces', '--character-name', 'Ada', '--character-image', ada])).code).toBe(0);
  for (const image of [ada, ben, empty]) expect((await cli(['panel', 'add', film, '--image', image])).code).toBe(0);
});

afterEach(async () => {
  for (const undo of undoers.splice(0)) await undo();
  await cleanup();
});

/** What the app shows when it opens the project: its own recall on the project as saved. */
async function appRecall(): Promise<TakeConsistency[]> {
  const { root, project } = await readProject(film);
  return createSavedResults().recall(root, project);
}

type JsonPanel = { number: number; status: string; distance: number | null; reason: string | null; takeId: string | null };

async function checkJson(...options: string[]): Promise<{ code: number; stderr: string; panels: JsonPanel[] }> {
  const result = await cli(['consistency', film, '--json', ...options]);
  return { code: result.code, stderr: result.stderr, panels: (JSON.parse(result.stdout) as { panels: JsonPanel[] }).panels };
}

const outcomes = (results: readonly TakeConsistency[]) => results.map(({ takeId, status, distance, reason }) => ({ takeId, status, distance, reason }));
const printed = (panels: readonly JsonPanel[]) => panels.map(({ takeId, status, distance, reason }) => ({ takeId, status, distance, reason }));

// The model is real and the machine may be busy: a check of a few images can take tens of seconds.
describe('castboard consistency keeps its outcomes for the app', { timeout: 120_000 }, () => {
  it("the app's recall answers the outcomes the command printed, for the panels' active takes and the reference they were measured against", async () => {
    const { code, panels } = await checkJson();
    expect(code).toBe(1); // panel 2 drifted
    expect(panels.map((panel) => panel.status)).toEqual(['consistent', 'drifted', 'not-checked']);

    const { project } = await readProject(film);
    const recalled = await appRecall();
    expect(outcomes(recalled)).toEqual(printed(panels));
    expect(recalled.map((result) => result.takeId)).toEqual(project.panels.map((panel) => panel.activeTakeId));
    expect(recalled.map((result) => result.panelId)).toEqual(project.panels.map((panel) => panel.id));
    expect(recalled.every((result) => result.reference === project.characters[0]!.referenceImage)).toBe(true);
  });

  it('a check of some panels keeps the outcomes saved for the others; outcomes of takes the project no longer has are dropped', async () => {
    const first = await checkJson('--panels', '1,3');
    expect(outcomes(await appRecall())).toEqual(printed(first.panels));

    const second = await checkJson('--panels', '2');
    expect(second.code).toBe(1);
    const byTake = (panels: readonly JsonPanel[]) => new Map(printed(panels).map((panel) => [panel.takeId, panel]));
    const expected = new Map([...byTake(first.panels), ...byTake(second.panels)]);
    const recalled = outcomes(await appRecall());
    expect(recalled).toHaveLength(3);
    expect(new Map(recalled.map((result) => [result.takeId, result]))).toEqual(expected);

    // Panel 3 removed and saved as the app saves: the next check drops its outcome from the file.
    const { root, project } = await readProject(film);
    const gone = project.panels[2]!;
    await writeProjectFile(root, removePanel(project, gone.id), new Date());
    expect((await checkJson('--panels', '1')).code).toBe(0);
    const file = JSON.parse(await readFile(path.join(film, 'cache', 'consistency.json'), 'utf8')) as { results: TakeConsistency[] };
    expect(file.results.map((result) => result.takeId).sort()).toEqual([project.panels[0]!.activeTakeId, project.panels[1]!.activeTakeId].sort());
  });

  it('a cache folder it may not write in gives a warning in plain words and the exit code of the check', async () => {
    const saved = await checkJson('--panels', '1');
    const before = await readFile(path.join(film, 'cache', 'consistency.json'));
    const cache = path.join(film, 'cache');
    if ((await makeReadOnly(cache, undoers)) === null) throw new Error('This machine can make no folder read-only (neither chmod nor chattr +i works).');

    const consistent = await checkJson('--panels', '1');
    expect(consistent.panels.map((panel) => panel.status)).toEqual(['consistent']);
    expect(consistent.code).toBe(0);
    expect(consistent.stderr).toContain('Warning: these outcomes were not saved, so the Castboard app will not show them when it opens this project.');
    expect(consistent.stderr).toContain(`Castboard is not allowed to write to the folder "${cache}"`);
    expect(consistent.stderr).toContain('The check itself is done (the outcomes above and the exit code are unaffected); make the project folder writable again, then run it again to save them.');

    const drifted = await cli(['consistency', film, '--panels', '2']);
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toContain('0 consistent, 1 drifted, 0 not checked.');
    expect(drifted.stderr).toContain('Warning: these outcomes were not saved');

    // The outcomes saved before are still what the app shows.
    expect(await readFile(path.join(film, 'cache', 'consistency.json'))).toEqual(before);
    expect(outcomes(await appRecall())).toEqual(printed(saved.panels));
  });
});
