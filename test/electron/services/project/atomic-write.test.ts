import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEMP_FILE_PATTERN, copyFileAtomic, removeTempFiles, writeFileAtomic } from '../../../../electron/services/project/atomic-write';
import { makeTempDir, removeTempDirs } from './fixtures';

afterEach(removeTempDirs);

describe('atomic write', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const dir = await makeTempDir();
    const target = path.join(dir, 'project.json');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new content');
    expect(await readFile(target, 'utf8')).toBe('new content');
    expect(await readdir(dir)).toEqual(['project.json']);
  });

  it('a failed write leaves the target as it was and removes its temp file', async () => {
    const dir = await makeTempDir();
    // A folder in the way of the rename: the OS refuses to replace a directory with a file.
    const blocked = path.join(dir, 'project.json');
    await mkdir(blocked);
    await writeFile(path.join(blocked, 'inside'), 'x');
    await expect(writeFileAtomic(blocked, 'new')).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST/) });
    expect(await readdir(dir)).toEqual(['project.json']);
    expect(await readdir(blocked)).toEqual(['inside']);
  });

  it('copies atomically and sweeps temp files left by a killed process', async () => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, 'a.png'), 'bytes');
    await copyFileAtomic(path.join(dir, 'a.png'), path.join(dir, 'b.png'));
    expect(await readFile(path.join(dir, 'b.png'), 'utf8')).toBe('bytes');
    const leftover = '.project.json.0123456789ab.tmp';
    expect(TEMP_FILE_PATTERN.test(leftover)).toBe(true);
    await writeFile(path.join(dir, leftover), 'half');
    await writeFile(path.join(dir, 'notes.tmp'), 'not ours');
    expect(await removeTempFiles(dir)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['a.png', 'b.png', 'notes.tmp']);
  });
});
