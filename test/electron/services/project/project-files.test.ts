/**
 * The confined file layer on its own (the hostile-project test runs it through every feature):
 * caps per kind, refusals that name the file, and writes that never land outside the project.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { READ_CAPS, readProjectFile, removeProjectFile, writeProjectFile } from '../../../../electron/services/project/project-files';
import { readChosenFile, UnsafeFileError } from '../../../../electron/services/project/safe-file';
import { makeTempDir, removeTempDirs } from './fixtures';

afterEach(removeTempDirs);

describe('the confined file layer', () => {
  it('refuses a file over the cap of its kind before reading it, naming the file', async () => {
    const root = await makeTempDir();
    await writeFile(path.join(root, 'project.lock'), Buffer.alloc(READ_CAPS.lock + 1, 0x20));
    const error = await readProjectFile(root, 'project.lock', 'lock').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnsafeFileError);
    expect((error as UnsafeFileError).problem).toBe('too-large');
    expect((error as Error).message).toContain('"project.lock"');
  });

  it('refuses paths that leave the project, and links on the way', async () => {
    const root = await makeTempDir();
    const outside = await makeTempDir();
    await writeFile(path.join(outside, 'secret.json'), '{}');
    await symlink(outside, path.join(root, 'backups'));
    for (const relative of ['../secret.json', 'backups/../../x', '/etc/passwd', 'a\\b']) {
      await expect(readProjectFile(root, relative, 'backup')).rejects.toMatchObject({ problem: 'outside' });
    }
    await expect(readProjectFile(root, 'backups/secret.json', 'backup')).rejects.toMatchObject({ problem: 'symlinked-folder' });
    await expect(writeProjectFile(root, 'backups/new.json', '{}')).rejects.toMatchObject({ problem: 'symlinked-folder' });
    await expect(removeProjectFile(root, 'backups/secret.json')).rejects.toMatchObject({ problem: 'symlinked-folder' });
    expect(await readdir(outside)).toEqual(['secret.json']);
  });

  it('writes into real folders it creates itself', async () => {
    const root = await makeTempDir();
    await writeProjectFile(root, 'thumbs/a.png', 'x');
    expect(await readProjectFile(root, 'thumbs/a.png', 'thumbnail')).toEqual(Buffer.from('x'));
  });

  it('a chosen file: a link the artist picked is followed, but a FIFO or device is refused at once', async () => {
    const dir = await makeTempDir();
    await mkdir(path.join(dir, 'pics'));
    await writeFile(path.join(dir, 'pics', 'face.png'), 'png bytes');
    await symlink(path.join(dir, 'pics', 'face.png'), path.join(dir, 'face-link.png'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.png')]);
    const options = { maxBytes: 1024, label: 'The chosen file' };
    expect(await readChosenFile(path.join(dir, 'face-link.png'), options)).toEqual(Buffer.from('png bytes'));
    await expect(readChosenFile(path.join(dir, 'pipe.png'), options)).rejects.toMatchObject({ problem: 'not-a-file' });
    await expect(readChosenFile('/dev/zero', options)).rejects.toMatchObject({ problem: 'not-a-file' });
  });
});
