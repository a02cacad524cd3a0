/**
 * Every bad input named by issue #4: each gives its own message (and code), and the project
 * folder is byte-for-byte the same afterwards (every file hashed before and after).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, type Project } from '../../../../shared/domain/project';
import { backupStamp } from '../../../../electron/services/project/backups';
import { createProject, openProject } from '../../../../electron/services/project/project-open';
import { ProjectOpenError } from '../../../../electron/services/project/project-reader';
import { formatShortDate } from '../../../../electron/services/project/project-messages';
import { buildSampleProject, makeTempDir, removeTempDirs, snapshotTree, tinyPng } from './fixtures';

afterEach(removeTempDirs);

const CREATED_AT = new Date('2025-11-21T17:10:00.000Z');
const SAVED_AT = new Date('2025-11-21T17:40:00.000Z');
const OFFER = `Open the newest backup from ${formatShortDate(SAVED_AT)} instead?`;

/** A closed project with 3 panels; backups/ holds two good copies (the create and the save). */
async function makeProject(): Promise<{ root: string; project: Project; bytes: Buffer }> {
  const root = path.join(await makeTempDir(), 'Harbour Chase.castboard');
  let clock = CREATED_AT;
  const session = await createProject(root, { title: 'Harbour Chase' }, { now: () => clock, autosaveDelayMs: null });
  const project = await buildSampleProject((png) => session.putImage(png), { panels: 3 });
  session.update(project);
  clock = SAVED_AT;
  await session.save();
  await session.close();
  return { root, project, bytes: await readFile(path.join(root, 'project.json')) };
}

async function expectRefused(root: string, code: string, message: RegExp): Promise<ProjectOpenError> {
  const before = await snapshotTree(root);
  const error = await openProject(root, { autosaveDelayMs: null }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProjectOpenError);
  const failure = error as ProjectOpenError;
  expect(failure.code).toBe(code);
  expect(failure.message).toMatch(message);
  expect(await snapshotTree(root)).toEqual(before);
  return failure;
}

function withPanelField(project: Project, field: string, value: unknown): string {
  const panels = project.panels.map((panel, index) => (index === 1 ? { ...panel, [field]: value } : panel));
  return JSON.stringify({ ...project, panels });
}

function withTakeImage(project: Project, image: string): string {
  const panel = project.panels[2]!;
  const panels = [...project.panels.slice(0, 2), { ...panel, takes: [{ ...panel.takes[0]!, image }] }];
  return JSON.stringify({ ...project, panels });
}

describe('opening a damaged project.json', () => {
  it.each([
    ['0 bytes', (bytes: Buffer) => bytes.subarray(0, 0), 'PROJECT_UNREADABLE', /project\.json is empty \(0 bytes\)/],
    ['half the file', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2)), 'PROJECT_UNREADABLE', /ends in the middle of the project/],
    ['all but one byte', (bytes: Buffer) => bytes.subarray(0, bytes.length - 1), 'PROJECT_UNREADABLE', /ends in the middle of the project/],
    ['invalid UTF-8', (bytes: Buffer) => Buffer.concat([bytes.subarray(0, 40), Buffer.from([0xc3, 0x28, 0xff]), bytes.subarray(43)]), 'PROJECT_UNREADABLE', /not valid text \(UTF-8\)/],
    ['not JSON', (bytes: Buffer) => Buffer.from(bytes.toString('utf8').replace('"title"', 'title')), 'PROJECT_UNREADABLE', /not valid JSON at line 3, column 3/],
  ])('%s: specific message, nothing changed, newest backup offered', async (_label, damage, code, message) => {
    const { root, bytes } = await makeProject();
    await writeFile(path.join(root, 'project.json'), damage(bytes));
    const failure = await expectRefused(root, code, message);
    expect(failure.message.endsWith(`Castboard did not change it. ${OFFER}`)).toBe(true);
    expect(failure.backups.map((backup) => [backup.savedAt, backup.panelCount])).toEqual([
      [SAVED_AT.toISOString(), 3],
      [CREATED_AT.toISOString(), 0],
    ]);
  });

  it('a multi-byte character cut at the end reads as truncated, not as bad text', async () => {
    const { root, project } = await makeProject();
    const text = JSON.stringify({ ...project, title: 'Haförbour' });
    const bytes = Buffer.from(text);
    await writeFile(path.join(root, 'project.json'), bytes.subarray(0, bytes.indexOf(Buffer.from('ö')) + 1));
    await expectRefused(root, 'PROJECT_UNREADABLE', /ends in the middle/);
  });

  it('wrong types name the field', async () => {
    const { root, project } = await makeProject();
    await writeFile(path.join(root, 'project.json'), withPanelField(project, 'durationSeconds', 'three'));
    await expectRefused(root, 'PROJECT_INVALID', /value Castboard cannot use: in panel 2, durationSeconds: expected number, received string\./);
  });

  it('a future version is refused without offering an older backup', async () => {
    const { root, project } = await makeProject();
    await writeFile(path.join(root, 'project.json'), JSON.stringify({ ...project, schemaVersion: CURRENT_SCHEMA_VERSION + 1, somethingNew: [] }));
    const failure = await expectRefused(root, 'PROJECT_TOO_NEW', /saved by a newer version of Castboard \(project format 4; this version reads format 3 and older\)\. Update Castboard/);
    expect(failure.backups).toEqual([]);
  });

  it.each([
    ['../../etc/passwd', /panel 3, take 1, image: the image path "\.\.\/\.\.\/etc\/passwd" points outside the project folder/],
    ['/etc/passwd', /the image path "\/etc\/passwd" is an absolute path outside the project folder/],
  ])('an image path %s is refused as unsafe', async (image, message) => {
    const { root, project } = await makeProject();
    await writeFile(path.join(root, 'project.json'), withTakeImage(project, image));
    const failure = await expectRefused(root, 'PROJECT_INVALID', message);
    expect(failure.message).toMatch(/not safe to open/);
  });

  it('a folder without project.json offers its backup', async () => {
    const { root } = await makeProject();
    await rm(path.join(root, 'project.json'));
    const failure = await expectRefused(root, 'PROJECT_NOT_FOUND', /There is no project\.json in/);
    expect(failure.backups).toHaveLength(2);
    expect(failure.message.endsWith(OFFER)).toBe(true);
  });

  it('a folder that does not exist', async () => {
    const root = path.join(await makeTempDir(), 'Gone.castboard');
    await expect(openProject(root)).rejects.toMatchObject({ code: 'PROJECT_NOT_FOUND', message: expect.stringMatching(/does not exist/) });
  });

  it('skips damaged backups and offers the newest good one', async () => {
    const { root, bytes } = await makeProject();
    const newer = new Date(SAVED_AT.getTime() + 60_000);
    await writeFile(path.join(root, 'backups', `project-${backupStamp(newer)}.json`), bytes.subarray(0, 10));
    await writeFile(path.join(root, 'project.json'), '');
    const failure = await expectRefused(root, 'PROJECT_UNREADABLE', /project\.json is empty/);
    expect(failure.message.endsWith(OFFER)).toBe(true);
    expect(failure.backups.map((backup) => backup.savedAt)).toEqual([SAVED_AT.toISOString(), CREATED_AT.toISOString()]);
  });

  it('says so plainly when there is no backup', async () => {
    const { root } = await makeProject();
    await rm(path.join(root, 'backups'), { recursive: true });
    await writeFile(path.join(root, 'project.json'), '{"schemaVersion": 2, "title": ');
    await expectRefused(root, 'PROJECT_UNREADABLE', /There is no backup of this project to go back to\.$/);
  });
});

describe('opening a project with missing or damaged images', () => {
  it('opens, reports each problem with where it is used, keeps the references, changes nothing', async () => {
    const { root, project } = await makeProject();
    const missing = project.panels[0]!.takes[0]!.image;
    const truncated = project.panels[1]!.takes[0]!.image;
    await rm(path.join(root, missing));
    const full = await readFile(path.join(root, truncated));
    await writeFile(path.join(root, truncated), full.subarray(0, full.length - 20));
    const before = await snapshotTree(root);

    const session = await openProject(root, { autosaveDelayMs: null });
    expect(session.report.imageProblems).toEqual([
      { image: missing, problem: 'missing', usedBy: ['panel 1, take 1'] },
      { image: truncated, problem: 'corrupt', usedBy: ['panel 2, take 1'] },
    ]);
    expect(session.report.message).toMatch(/1 image is missing from the images\/ folder \(panel 1, take 1\)\. 1 image is damaged or incomplete \(panel 2, take 1\)\. They show as placeholders and stay in the project/);
    expect(session.project).toEqual(project);
    await session.close();
    expect(await snapshotTree(root)).toEqual(before);
  });

  it('still saves the document with the missing image referenced', async () => {
    const { root, project } = await makeProject();
    const missing = project.panels[0]!.takes[0]!.image;
    await rm(path.join(root, missing));
    const session = await openProject(root, { autosaveDelayMs: null });
    session.update({ ...session.project, title: 'Harbour Chase v2' });
    await session.save();
    await session.close();
    const saved = JSON.parse(await readFile(path.join(root, 'project.json'), 'utf8')) as Project;
    expect(saved.panels[0]?.takes[0]?.image).toBe(missing);
  });

  it('a symbolic link planted in images/ counts as damaged, never followed', async () => {
    const { root, project } = await makeProject();
    const image = project.panels[0]!.takes[0]!.image;
    await rm(path.join(root, image));
    const { symlink } = await import('node:fs/promises');
    const outside = path.join(path.dirname(root), 'secret.png');
    await writeFile(outside, tinyPng(77));
    await symlink(outside, path.join(root, image));
    const session = await openProject(root, { autosaveDelayMs: null });
    expect(session.report.imageProblems).toEqual([{ image, problem: 'corrupt', usedBy: ['panel 1, take 1'] }]);
    await expect(session.images.read(image)).rejects.toMatchObject({ code: 'PROJECT_IMAGE_MISSING' });
    await session.close();
  });
});
