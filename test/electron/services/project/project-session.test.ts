import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Project } from '../../../../shared/domain/project';
import { createProject, openProject, openProjectFromBackup } from '../../../../electron/services/project/project-open';
import type { ProjectSession } from '../../../../electron/services/project/project-session';
import { ProjectOpenError } from '../../../../electron/services/project/project-reader';
import { buildSampleProject, makeTempDir, removeTempDirs, sha256, snapshotTree, tinyPng } from './fixtures';

afterEach(removeTempDirs);

function clock(start = Date.parse('2025-11-21T17:40:00.000Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

async function sampleSession(panels = 4, deps = {}): Promise<{ session: ProjectSession; project: Project; root: string; writes: string[] }> {
  const writes: string[] = [];
  const root = path.join(await makeTempDir(), 'Harbour Chase.castboard');
  const session = await createProject(root, { title: 'Harbour Chase' }, { autosaveDelayMs: null, imageHooks: { onWrite: (ref) => writes.push(ref) }, ...deps });
  const project = session.update(await buildSampleProject((png) => session.putImage(png), { panels }));
  await session.save();
  return { session, project, root, writes };
}

describe('create, open, save, close', () => {
  it('creates the folder layout and reopens to the same document', async () => {
    const { session, project, root } = await sampleSession();
    expect((await readdir(root)).sort()).toEqual(['backups', 'images', 'project.json', 'project.lock', 'thumbs']);
    expect(session.status).toMatchObject({ state: 'saved', dirty: false, message: null });
    await session.close();
    expect(await readdir(root)).not.toContain('project.lock');
    const reopened = await openProject(root, { autosaveDelayMs: null });
    expect(reopened.project).toEqual(project);
    expect(reopened.report).toEqual({ imageProblems: [], migratedFrom: null, originalKeptAs: null, message: null });
    await reopened.close();
  });

  it('refuses to create a project over an existing one', async () => {
    const { session, root } = await sampleSession(1);
    const before = await snapshotTree(root);
    await expect(createProject(root, { title: 'Other' })).rejects.toMatchObject({ code: 'PROJECT_EXISTS' });
    expect(await snapshotTree(root)).toEqual(before);
    await session.close();
  });

  it('stores images content-addressed and writes each only once', async () => {
    const { session, root, writes } = await sampleSession(2);
    const png = tinyPng(4242);
    const ref = await session.putImage(png);
    expect(ref).toBe(`images/${sha256(png)}.png`);
    const first = await stat(path.join(root, ref));
    expect(await session.putImage(png)).toBe(ref);
    const second = await stat(path.join(root, ref));
    expect([second.ino, second.mtimeMs]).toEqual([first.ino, first.mtimeMs]);
    expect(writes.filter((written) => written === ref)).toHaveLength(1);
    await expect(session.putImage(Buffer.from('GIF89a not a png'))).rejects.toMatchObject({ code: 'IMAGE_INVALID' });
    await session.close();
  });

  it('a save after a text edit rewrites only project.json (and its backup), never an image', async () => {
    const { session, root, writes } = await sampleSession(6);
    const imagesBefore = await snapshotTree(path.join(root, 'images'));
    const statsBefore = await Promise.all((await readdir(path.join(root, 'images'))).map((name) => stat(path.join(root, 'images', name))));
    writes.length = 0;
    session.update({ ...session.project, panels: session.project.panels.map((panel, i) => (i === 2 ? { ...panel, dialogue: 'Cut the rope!' } : panel)) });
    await session.save();
    expect(writes).toEqual([]);
    expect(await snapshotTree(path.join(root, 'images'))).toEqual(imagesBefore);
    const statsAfter = await Promise.all((await readdir(path.join(root, 'images'))).map((name) => stat(path.join(root, 'images', name))));
    expect(statsAfter.map((s) => s.mtimeMs)).toEqual(statsBefore.map((s) => s.mtimeMs));
    expect(JSON.parse(await readFile(path.join(root, 'project.json'), 'utf8'))).toEqual(session.project);
    await session.close();
  });

  it('keeps the last 10 saves in backups/, newest holding what was saved', async () => {
    const time = clock();
    const { session, root } = await sampleSession(1, { now: time.now });
    for (let i = 1; i <= 12; i += 1) {
      time.advance(60_000);
      session.update({ ...session.project, title: `Harbour Chase ${i}` });
      await session.save();
    }
    const names = (await readdir(path.join(root, 'backups'))).sort();
    expect(names).toHaveLength(10);
    const newest = names.at(-1) ?? '';
    expect(await readFile(path.join(root, 'backups', newest))).toEqual(await readFile(path.join(root, 'project.json')));
    expect(JSON.parse(await readFile(path.join(root, 'backups', names[0] ?? ''), 'utf8'))).toMatchObject({ title: 'Harbour Chase 3' });
    await session.close();
  });

  it('does not overwrite a project.json changed by another program', async () => {
    const { session, root } = await sampleSession(1);
    const foreign = JSON.stringify({ ...session.project, title: 'Edited in a text editor' });
    await writeFile(path.join(root, 'project.json'), foreign);
    session.update({ ...session.project, title: 'Edited in Castboard' });
    await expect(session.save()).rejects.toMatchObject({ code: 'PROJECT_SAVE_FAILED', message: expect.stringMatching(/changed by another program .* did not overwrite it/) });
    expect(await readFile(path.join(root, 'project.json'), 'utf8')).toBe(foreign);
    expect(session.status).toMatchObject({ state: 'error', dirty: true });
    await session.close({ save: false });
  });

  it('refuses an invalid document without changing the session', async () => {
    const { session, project } = await sampleSession(1);
    expect(() => session.update({ ...project, panels: [{ ...project.panels[0], activeTakeId: 'nope' }] })).toThrow(/cannot store this change: in panel 1, activeTakeId/);
    expect(session.project).toEqual(project);
    expect(session.status.dirty).toBe(false);
    await session.close();
  });

  it('close saves pending changes; close without saving discards them; a closed session refuses work', async () => {
    const { session, root } = await sampleSession(1);
    session.update({ ...session.project, title: 'Saved on close' });
    await session.close();
    expect(JSON.parse(await readFile(path.join(root, 'project.json'), 'utf8'))).toMatchObject({ title: 'Saved on close' });
    expect(() => session.update(session.project)).toThrow(/closed/);
    const again = await openProject(root, { autosaveDelayMs: null });
    again.update({ ...again.project, title: 'Discarded' });
    await again.close({ save: false });
    expect(JSON.parse(await readFile(path.join(root, 'project.json'), 'utf8'))).toMatchObject({ title: 'Saved on close' });
  });
});

describe('save as', () => {
  it('copies every image (also unreferenced ones) before the JSON, continues in the new folder, leaves the old one as saved', async () => {
    const { session, root } = await sampleSession(3);
    const orphan = await session.putImage(tinyPng(999)); // e.g. a take deleted but still in undo history
    session.update({ ...session.project, title: 'Harbour Chase (director cut)' });
    const oldBefore = await snapshotTree(root);
    const target = path.join(path.dirname(root), 'Director Cut.castboard');
    await session.saveAs(target);
    expect(session.root).toBe(target);
    expect(session.status).toMatchObject({ state: 'saved', dirty: false });
    expect(await snapshotTree(path.join(target, 'images'))).toEqual(await snapshotTree(path.join(root, 'images')));
    expect(await stat(path.join(target, orphan))).toBeTruthy();
    // The old folder: unchanged and unlocked.
    const { 'project.lock': _lock, ...oldWithoutLock } = Object.fromEntries(oldBefore);
    expect(Object.fromEntries(await snapshotTree(root))).toEqual(oldWithoutLock);
    const old = await openProject(root, { autosaveDelayMs: null });
    expect(old.project.title).toBe('Harbour Chase');
    await old.close();
    await session.close();
    const copy = await openProject(target, { autosaveDelayMs: null });
    expect(copy.project.title).toBe('Harbour Chase (director cut)');
    expect(copy.report.imageProblems).toEqual([]);
    await copy.close();
  });

  it('an image added while Save As runs lands in the new folder', async () => {
    const { session, root } = await sampleSession(2);
    const target = path.join(path.dirname(root), 'Copy.castboard');
    const order: string[] = [];
    const moving = session.saveAs(target).then(() => order.push('save as done'));
    const ref = await session.putImage(tinyPng(31337)).then((value) => (order.push('image stored'), value));
    await moving;
    expect(order).toEqual(['save as done', 'image stored']); // the image waited for the move
    session.update({ ...session.project, characters: [{ ...session.project.characters[0]!, mask: ref }] });
    await session.save();
    await session.close();
    const copy = await openProject(target, { autosaveDelayMs: null });
    expect(copy.report.imageProblems).toEqual([]);
    expect(await copy.images.verify(ref)).toBe('ok');
    await copy.close();
  });

  it('refuses to save over another project', async () => {
    const first = await sampleSession(1);
    const second = await sampleSession(1);
    const before = await snapshotTree(second.root);
    await expect(first.session.saveAs(second.root)).rejects.toMatchObject({ code: 'PROJECT_EXISTS' });
    expect(await snapshotTree(second.root)).toEqual(before);
    await first.session.close();
    await second.session.close();
  });
});

describe('open the newest backup instead', () => {
  it('keeps the damaged file under a clear name and opens the backup', async () => {
    const { session, root, project } = await sampleSession(2);
    await session.close();
    await writeFile(path.join(root, 'project.json'), '{"schemaVersion": 2, "tit');
    const failure = (await openProject(root).catch((error: unknown) => error)) as ProjectOpenError;
    expect(failure).toBeInstanceOf(ProjectOpenError);
    const newest = failure.backups[0]?.fileName ?? '';
    const restored = await openProjectFromBackup(root, newest, { autosaveDelayMs: null });
    expect(restored.project).toEqual(project);
    expect(restored.report.message).toMatch(/Opened the backup .*The previous project\.json was kept as project\.before-restore-.*\.json/);
    const kept = (await readdir(root)).find((name) => name.startsWith('project.before-restore-')) ?? '';
    expect(await readFile(path.join(root, kept), 'utf8')).toBe('{"schemaVersion": 2, "tit');
    await restored.close();
  });

  it('refuses names that are not backups', async () => {
    const { session, root } = await sampleSession(1);
    await session.close();
    const before = await snapshotTree(root);
    await expect(openProjectFromBackup(root, '../project.json')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/not one of this project's backups/) });
    await expect(openProjectFromBackup(root, 'project-2025-01-01T00-00-00-000Z.json')).rejects.toMatchObject({
      code: 'PROJECT_UNREADABLE',
      message: expect.stringMatching(/cannot be read either, so nothing was changed/),
    });
    expect(await snapshotTree(root)).toEqual(before);
  });
});
