import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { RECENT_PROJECTS_KEY, createRecentProjects } from '../../../../electron/services/project/recent-projects';
import { makeTempDir, removeTempDirs } from './fixtures';

afterEach(removeTempDirs);

async function projectFolder(parent: string, name: string): Promise<string> {
  const folder = path.join(parent, `${name}.castboard`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'project.json'), '{}');
  return folder;
}

async function store() {
  const dir = await makeTempDir();
  const conf = new Conf<Record<string, unknown>>({ cwd: dir, projectName: 'castboard-test' });
  return { dir, conf };
}

describe('recent projects', () => {
  it('lists newest first, one entry per folder, at most 10, kept across restarts', async () => {
    const { dir, conf } = await store();
    let tick = Date.parse('2025-11-21T17:00:00.000Z');
    const recent = createRecentProjects(conf, { now: () => new Date((tick += 60_000)) });
    const folders = await Promise.all(Array.from({ length: 12 }, (_, i) => projectFolder(dir, `P${i}`)));
    folders.forEach((folder, i) => recent.add(folder, `P${i}`));
    recent.add(folders[3]!, 'P3 renamed');
    const again = createRecentProjects(new Conf<Record<string, unknown>>({ cwd: dir, projectName: 'castboard-test' }));
    const list = await again.list();
    expect(list).toHaveLength(10);
    expect(list.map((entry) => entry.title).slice(0, 3)).toEqual(['P3 renamed', 'P11', 'P10']);
    expect(new Set(list.map((entry) => entry.path)).size).toBe(10);
  });

  it('keeps folders that no longer hold a project, marked missing, until removed, and survives a damaged stored value', async () => {
    const { dir, conf } = await store();
    const recent = createRecentProjects(conf);
    const kept = await projectFolder(dir, 'Kept');
    const gone = await projectFolder(dir, 'Gone');
    recent.add(gone, 'Gone');
    recent.add(kept, 'Kept');
    await rm(gone, { recursive: true });
    expect((await recent.list()).map(({ title, missing }) => [title, missing])).toEqual([
      ['Kept', false],
      ['Gone', true],
    ]);
    expect(conf.get(RECENT_PROJECTS_KEY)).toHaveLength(2);
    recent.remove(gone);
    expect((await recent.list()).map((entry) => entry.title)).toEqual(['Kept']);
    conf.set(RECENT_PROJECTS_KEY, [{ path: 42 }, { path: kept, title: 'Kept', openedAt: new Date().toISOString() }]);
    expect((await recent.list()).map((entry) => entry.title)).toEqual(['Kept']);
    conf.set(RECENT_PROJECTS_KEY, 'garbage');
    expect(await recent.list()).toEqual([]);
    recent.add(kept, 'Kept');
    recent.remove(kept);
    expect(await recent.list()).toEqual([]);
  });
});
