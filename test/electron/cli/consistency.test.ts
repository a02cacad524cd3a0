/**
 * `castboard consistency` on a project made by the CLI against the fake gateway, whose panels
 * show the character reference it was given: panels generated while the reference was another
 * person's photo drift, a panel generated from a blank reference shows no face.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startFakeGateway } from '../../fakes/gateway/fake-gateway';
import { blank, portrait } from '../services/consistency/sample-faces';
import { readProject } from '../../../electron/cli/cli-project';
import { createConsistencyService } from '../../../electron/services/consistency/consistency-service';
import { consistencyCaptions } from '../../../electron/services/consistency/sheet-captions';
import { contactSheetInput } from '../../../electron/services/export/project-sheet-input';
import { cli, exists, gatewayEnv, makeProject, snapshotTree, tempDir } from './cli-kit';
import { CONSISTENCY_CAPTION_MAX, consistencyCaption, NOT_CHECKED_REASONS } from '../../../shared/domain/consistency-outcomes';

let project: string;

async function run(argv: string[], env: Record<string, string> = {}) {
  const result = await cli(argv, { env });
  if (result.code !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr}`);
  return result;
}

/** Panels 1-2 show Ada (the reference), 3 shows Ben, 4 was made from a blank reference. */
beforeAll(async () => {
  const gateway = await startFakeGateway();
  const { dir } = await tempDir();
  const env = gatewayEnv(gateway);
  const file = async (name: string, bytes: Buffer) => {
    await writeFile(path.join(dir, name), bytes);
    return path.join(dir, name);
  };
  const [ada, ben, empty] = [await file('ada.png', await portrait('ada')), await file('ben.png', await portrait('ben')), await file('blank.png', await blank())];
  project = path.join(dir, 'film');
  await run(['init', project, '--title', 'Faces', '--character-name', 'Ada', '--character-image', ada]);
  for (const scene of ['at the door', 'on the stairs', 'at the window', 'in the fog']) await run(['panel', 'add', project, '--scene', scene, '--shot', 'CU']);
  await run(['generate', project, '--panels', '1-2', '--yes'], env);
  await run(['character', 'set', project, '--image', ben]);
  await run(['generate', project, '--panels', '3', '--yes'], env);
  await run(['character', 'set', project, '--image', empty]);
  await run(['generate', project, '--panels', '4', '--yes'], env);
  await run(['character', 'set', project, '--image', ada]);
  await gateway.close();
}, 120_000);

// The model is real and the machine may be busy: a check of a few images can take tens of seconds.
describe('castboard consistency', { timeout: 120_000 }, () => {
  it('prints each panel with its outcome and distance, names the drifted ones, and exits 1', async () => {
    const result = await cli(['consistency', project]);
    expect(result.code).toBe(1);
    const rows = result.stdout.split('\n').filter((line) => /^\s+\d+\s/.test(line));
    expect(rows.map((line) => line.trim().split(/\s{2,}/).slice(0, 2))).toEqual([
      ['1', 'consistent'],
      ['2', 'consistent'],
      ['3', 'drifted'],
      ['4', 'not checked'],
    ]);
    expect(rows[3]).toContain('no face was found');
    expect(result.stdout).toContain('2 consistent, 1 drifted, 1 not checked.');
    expect(result.stdout).toContain('checked on this computer, free');
    expect(result.stderr).toContain(`castboard generate ${project} --panels 3`);
  });

  it('gives JSON with distances, exits 0 when the chosen panels are consistent, and changes nothing but its cache', async () => {
    // Its cache (face descriptors, the outcomes kept for the app) may change; nothing else may.
    const outsideCache = async () => Object.fromEntries(Object.entries(await snapshotTree(project)).filter(([file]) => !file.startsWith(`cache${path.sep}`)));
    const before = await outsideCache();
    expect(Object.keys(before)).toContain('project.json');
    const all = await cli(['consistency', project, '--json']);
    const parsed = JSON.parse(all.stdout) as { threshold: number; panels: Array<{ number: number; status: string; distance: number | null; reason: string | null }> };
    expect(parsed.threshold).toBe(0.5);
    expect(parsed.panels.map((panel) => panel.status)).toEqual(['consistent', 'consistent', 'drifted', 'not-checked']);
    expect(parsed.panels[0]!.distance).toBeLessThan(0.5);
    expect(parsed.panels[2]!.distance).toBeGreaterThan(0.5);
    expect(parsed.panels[3]).toMatchObject({ distance: null, reason: 'no-face' });

    const chosen = await cli(['consistency', project, '--panels', '1-2,4']);
    expect(chosen.code).toBe(0);
    const strict = await cli(['consistency', project, '--panels', '1', '--threshold', '0.2', '--json']);
    const strictPanel = (JSON.parse(strict.stdout) as typeof parsed).panels[0]!;
    expect(strict.code).toBe(strictPanel.distance! > 0.2 ? 1 : 0);
    expect(await outsideCache()).toEqual(before);
  });

  it('prints each outcome under its panel on the contact sheet when the consistency caption is chosen', async () => {
    const { root, project: doc } = await readProject(project);
    const service = createConsistencyService();
    const labels = await consistencyCaptions(service, { root, project: doc, captions: ['shot', 'consistency'] });
    await service.close();
    const sheet = contactSheetInput(root, doc, undefined, new Date(), labels);
    const captions = sheet.panels.map((panel) => panel.captions.consistency ?? '');
    expect(captions[0]).toMatch(/^Consistent \(0\.\d\d\)$/);
    expect(captions[2]).toMatch(/^Drifted \(0\.\d\d\)$/);
    // One line under the cell: the reason in a few words, not the long text cut before its point.
    expect(captions[3]).toBe('Not checked: no face found');
    for (const reason of NOT_CHECKED_REASONS) expect(consistencyCaption({ status: 'not-checked', distance: null, reason }).length, reason).toBeLessThanOrEqual(CONSISTENCY_CAPTION_MAX);
    expect(await consistencyCaptions(createConsistencyService(), { root, project: doc, captions: ['shot'] })).toBeUndefined();

    const out = path.join(path.dirname(project), 'sheet.png');
    const exported = await cli(['export', project, '--out', out, '--captions', 'shot,consistency']);
    expect(exported.code).toBe(0);
    expect(await exists(out)).toBe(true);
  });

  it('fails (exit 1), saying why, when no panel asked for could be checked: a CI gate never passes on nothing', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const film = await makeProject(dir, []);
      const face = path.join(dir, 'ada.png');
      await writeFile(face, await portrait('ada'));
      for (let index = 0; index < 3; index += 1) expect((await cli(['panel', 'add', film, '--image', face])).code).toBe(0);
      const doc = JSON.parse(await readFile(path.join(film, 'project.json'), 'utf8')) as { characters: Array<{ referenceImage: string }> };
      await rm(path.join(film, doc.characters[0]!.referenceImage));

      const result = await cli(['consistency', film]);
      expect(result.stdout).toContain('0 consistent, 0 drifted, 3 not checked.');
      expect(result.stderr).toContain('Checking: 3/3 panels (100%)'); // plain progress off a terminal
      expect(result.code).toBe(1);
      // The reference file is gone, not the reference: the reason says so and how to fix it.
      const fix = `the character's reference image file is missing or damaged: choose the image again in the character card (or run: castboard character set ${film} --character <name> --image <file>)`;
      expect(result.stdout).toContain(fix);
      expect(result.stderr).toContain(`Nothing was checked: all 3 panels are "not checked" (3: ${fix}). Not checked never counts as consistent, so this check fails.`);
      const json = await cli(['consistency', film, '--json', '--panels', '2']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ panels: [{ number: 2, status: 'not-checked', reason: 'reference-unreadable' }] });
      expect(json.stderr).toContain('Nothing was checked: panel 2 is "not checked"');
    } finally {
      await cleanup();
    }
  });

  it('refuses bad options with exit 2 before reading anything', async () => {
    const threshold = await cli(['consistency', project, '--threshold', '2']);
    expect(threshold.code).toBe(2);
    expect(threshold.stderr).toContain('--threshold must be a number from 0.2 to 0.9 (you gave "2")');
    const panels = await cli(['consistency', project, '--panels', '9']);
    expect(panels.code).toBe(2);
    expect(panels.stderr).toContain('There is no panel 9: this project has panels 1-4.');
    expect((await cli(['consistency'])).code).toBe(2);
  });
});
