import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withOpenProject } from '../../../electron/cli/cli-project';
import { shellWord } from '../../../electron/cli/shell-word';
import { openProject } from '../../../electron/services/project/project-open';
import { createCharacter } from '../../../shared/domain/project-edit';
import { cli, exists, makeProject, readProjectJson, snapshotTree, tempDir, writeReferencePng } from './cli-kit';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

describe('castboard init', () => {
  it('creates the project in exactly <dir>, with its character and reference image', async () => {
    const ref = await writeReferencePng(path.join(dir, 'mara.png'));
    const project = path.join(dir, 'lighthouse');
    const result = await cli(['init', project, '--title', 'The Lighthouse', '--aspect', '4:3', '--character-name', 'Mara', '--character-description', 'red coat', '--character-image', ref, '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { dir: string; character: { referenceImage: string } };
    expect(printed).toMatchObject({ dir: project, title: 'The Lighthouse', aspectRatio: '4:3', character: { name: 'Mara', description: 'red coat' } });
    const json = await readProjectJson(project);
    expect(json).toMatchObject({ title: 'The Lighthouse', aspectRatio: '4:3', characters: [{ name: 'Mara', description: 'red coat' }] });
    expect(await exists(path.join(project, printed.character.referenceImage))).toBe(true);
    expect(await exists(path.join(project, 'project.lock'))).toBe(false); // released on exit
  });

  it('prints next commands that paste as they read, for a folder with spaces and a quote in its name', async () => {
    const project = path.join(dir, "Rosa's Film Noir.castboard");
    const result = await cli(['init', project, '--title', 'Film Noir']);
    expect(result.code).toBe(0);
    const next = /^Next: castboard (.+)$/m.exec(result.stderr)?.[1] ?? '';
    // The words a POSIX shell makes of the printed command: the folder is one of them, whole.
    const words = execFileSync('sh', ['-c', `printf '%s\\n' ${next}`], { encoding: 'utf8' }).trimEnd().split('\n');
    expect(words).toEqual(['panel', 'add', project, '--scene', '...']);
    expect((await cli([...words.slice(0, -1), 'Harbour at dawn'])).code).toBe(0);
    expect(shellWord('C:\\Users\\Ana Lima\\Film.castboard', 'win32')).toBe('"C:\\Users\\Ana Lima\\Film.castboard"');
    expect(shellWord('/home/ana/film.castboard', 'linux')).toBe('/home/ana/film.castboard');
  });

  it('refuses a folder that already holds a project (exit 1), leaving it untouched', async () => {
    const project = await makeProject(dir, ['a scene']);
    const before = await snapshotTree(project);
    const again = await cli(['init', project, '--title', 'Other']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already a Castboard project');
    expect(await snapshotTree(project)).toEqual(before);
  });

  it.each([
    [['--aspect', '5:4'], /--aspect must be one of 16:9, 2\.39:1/],
    [['--character-image', 'x.png'], /add --character-name/],
    [['--character-name', 'Mara', '--character-image', 'nope.png'], /no file at/],
    [['--title', '   '], /--title is required/],
    [['--colour', 'red'], /Unknown option/],
  ])('exits 2 on bad options %j and creates nothing', async (extra, message) => {
    const project = path.join(dir, 'p');
    const args = extra.includes('--title') ? ['init', project, ...extra] : ['init', project, '--title', 'T', ...extra];
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('castboard init --help');
    expect(await exists(project)).toBe(false);
  });

  it('exits 1 for a reference file that is not an image, and creates nothing', async () => {
    const fake = path.join(dir, 'fake.png');
    await writeFile(fake, '<html>not an image</html>');
    const project = path.join(dir, 'p');
    const result = await cli(['init', project, '--title', 'T', '--character-name', 'Mara', '--character-image', fake]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not a readable PNG, JPEG or WebP image');
    expect(await exists(project)).toBe(false);
  });
});

describe('castboard panel add', () => {
  it('appends panels featuring the character, with shot, dialogue and notes', async () => {
    const project = await makeProject(dir, []);
    expect((await cli(['panel', 'add', project, '--scene', 'Mara climbs', '--shot', 'cu', '--dialogue', 'Almost', '--notes', 'slow'])).stdout).toBe('Added panel 1 (Close-up): Mara climbs');
    const second = await cli(['panel', 'add', project, '--scene', 'The lamp', '--duration', '4.5', '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ panel: 2, shot: 'MS' });
    const json = (await readProjectJson(project)) as unknown as { characters: Array<{ id: string }>; panels: Array<Record<string, unknown>> };
    expect(json.panels).toMatchObject([
      { scenePrompt: 'Mara climbs', shotType: 'CU', dialogue: 'Almost', notes: 'slow', characterId: json.characters[0]?.id },
      { scenePrompt: 'The lamp', durationSeconds: 4.5, characterId: json.characters[0]?.id },
    ]);
  });

  it('exits 2 on a bad shot, a missing scene or an unknown action, changing nothing', async () => {
    const project = await makeProject(dir, ['one']);
    const before = await snapshotTree(project);
    const shot = await cli(['panel', 'add', project, '--scene', 's', '--shot', 'XL']);
    expect(shot.code).toBe(2);
    expect(shot.stderr).toContain('--shot must be one of ECU, CU');
    expect((await cli(['panel', 'add', project])).stderr).toContain('--scene is required');
    expect((await cli(['panel', 'remove', project])).code).toBe(2);
    expect((await cli(['panel', 'add', project, '--scene', 's', '--duration', 'long'])).code).toBe(2);
    expect(await snapshotTree(project)).toEqual(before);
  });

  it('exits 1 on a folder that is not a project, saying how to create one', async () => {
    const result = await cli(['panel', 'add', dir, '--scene', 's']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no project.json');
    expect(result.stderr).toContain('castboard init <dir> --title <title>');
  });
});

describe('castboard character set', () => {
  it('creates the character of a project started without one, then adds its image', async () => {
    const project = path.join(dir, 'p');
    expect((await cli(['init', project, '--title', 'T'])).code).toBe(0);
    expect((await cli(['character', 'set', project, '--description', 'tall'])).code).toBe(2); // no name yet
    expect((await cli(['character', 'set', project, '--name', 'Ada'])).stdout).toContain('no reference image yet');
    const ref = await writeReferencePng(path.join(dir, 'ada.png'));
    const result = await cli(['character', 'set', project, '--image', ref, '--description', 'tall', '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ name: 'Ada', description: 'tall', referenceImage: expect.stringMatching(/^images\//) });
  });

  /** A CLI-made project (Mara, with an image) plus Ivo, cast in the app with its own functions, without an image. */
  async function projectWithIvo(): Promise<string> {
    const project = await makeProject(dir, ['a', 'b']);
    const session = await openProject(project, { autosaveDelayMs: null });
    const doc = session.project;
    session.update({ ...doc, characters: [...doc.characters, createCharacter({ name: 'Ivo' })] });
    await session.close({ save: true });
    return project;
  }

  type Saved = { characters: Array<{ name: string; description: string; referenceImage: string | null }> };

  it('--character picks which character to change by its current name (any case, spaces trimmed); without it, the first', async () => {
    const project = await projectWithIvo();
    const [mara] = ((await readProjectJson(project)) as unknown as Saved).characters;
    const ref = await writeReferencePng(path.join(dir, 'ivo.png'));
    const result = await cli(['character', 'set', project, '--character', '  iVO ', '--image', ref, '--description', 'tall', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ name: 'Ivo', description: 'tall', referenceImage: expect.stringMatching(/^images\//) });
    const saved = (await readProjectJson(project)) as unknown as Saved;
    expect(saved.characters).toEqual([mara, expect.objectContaining({ name: 'Ivo', description: 'tall', referenceImage: expect.stringMatching(/^images\//) })]);

    // The reference (a flat red test image) is told as the app's card tells it: see character-reference-face.test.ts.
    expect((await cli(['character', 'set', project, '--character', 'ivo', '--name', 'Ivo Bell'])).stdout.split('\n')[0]).toBe('Character: Ivo Bell (with a reference image).');
    expect((await cli(['character', 'set', project, '--description', 'red coat'])).stdout).toContain('Character: Mara');
    expect(((await readProjectJson(project)) as unknown as Saved).characters.map(({ name, description }) => [name, description])).toEqual([['Mara', 'red coat'], ['Ivo Bell', 'tall']]);
  });

  it('an unknown --character is a usage error listing the project\'s characters, and changes nothing', async () => {
    const project = await projectWithIvo();
    const before = await snapshotTree(project);
    const result = await cli(['character', 'set', project, '--character', 'Tess', '--description', 'short']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('This project has no character named "Tess". Its characters: "Mara" and "Ivo".');
    expect(await snapshotTree(project)).toEqual(before);

    // Two characters of one name cannot be told apart by name: said so, nothing changed.
    expect((await cli(['character', 'set', project, '--character', 'Ivo', '--name', 'mara'])).code).toBe(0);
    const renamed = await snapshotTree(project);
    const twins = await cli(['character', 'set', project, '--character', 'Mara', '--description', 'short']);
    expect(twins.code).toBe(2);
    expect(twins.stderr).toContain('2 characters are named "Mara", so --character cannot tell them apart.');
    expect(await snapshotTree(project)).toEqual(renamed);
  });
});

describe('a command refused a project that is open elsewhere', () => {
  it('says whether a Castboard window or another castboard command (with its pid) holds it, and changes nothing', async () => {
    const project = await makeProject(dir, ['a']);
    const before = await snapshotTree(project);
    const quiet = { stdout: () => undefined, stderr: () => undefined, env: {} };
    const byCommand = await withOpenProject(quiet, project, () => cli(['panel', 'add', project, '--scene', 'b']));
    expect(byCommand.code).toBe(1);
    expect(byCommand.stderr).toContain(`already open in another castboard command (pid ${process.pid}) on this computer`);
    expect(byCommand.stderr).toContain('Wait for that command to finish');
    expect(byCommand.stderr).not.toContain('window');

    const window = await openProject(project, { autosaveDelayMs: null });
    const byWindow = await cli(['panel', 'add', project, '--scene', 'b']).finally(() => window.close({ save: false }));
    expect(byWindow.code).toBe(1);
    expect(byWindow.stderr).toContain('already open in a Castboard window on this computer');
    expect(byWindow.stderr).not.toContain('castboard command');
    expect(await snapshotTree(project)).toEqual(before);
  });
});
