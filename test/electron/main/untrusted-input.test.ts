/**
 * Issue #16, the inputs besides the project folder: a reference image chosen in the dialog that
 * is /dev/zero, a FIFO or a link to them ends at once with a clear error; oversized image bytes
 * over IPC are refused by size before anything is decoded (and before the harness buffers them);
 * sharp's untrusted loaders are blocked as soon as the CLI or the app's services start.
 */
import { execFile, execFileSync } from 'node:child_process';
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { solidPng } from '../../fakes/gateway/test-images';
import { BodyTooLargeError, toRequest } from '../../harness/node-http';
import { gatewayWith, rig, storyboard, tempDir } from './support/app-rig';

const within2s = <T>(work: Promise<T>): Promise<T> =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('did not end within 2 s')), 2000))]);

describe('a reference image chosen in the dialog', () => {
  it.each([
    ['/dev/zero', async () => '/dev/zero'],
    ['a FIFO', async (dir: string) => {
      const fifo = path.join(dir, 'face.png');
      execFileSync('mkfifo', [fifo]);
      return fifo;
    }],
    ['a link to /dev/zero', async (dir: string) => {
      const link = path.join(dir, 'zero.png');
      await symlink('/dev/zero', link);
      return link;
    }],
  ])('%s is refused at once, naming the file', async (_label, make) => {
    const r = rig(await gatewayWith());
    const dir = await tempDir();
    await storyboard(r, dir, 1);
    const chosen = await make(dir);
    r.dialogs.script('chooseImageFile', chosen);
    const error = await within2s(r.call('project:importImage', { source: 'dialog' }).then(() => null, (caught: unknown) => caught as Error & { code: string }));
    expect(error?.message).toMatch(/not an ordinary file|symbolic link/);
    expect(error?.message).toContain(path.basename(chosen));
  });

  it('a link the artist chose to a real image is followed and imported', async () => {
    const r = rig(await gatewayWith());
    const dir = await tempDir();
    await storyboard(r, dir, 1);
    const real = path.join(dir, 'face-real.png');
    await writeFile(real, await solidPng(64, 64));
    await symlink(real, path.join(dir, 'face-link.png'));
    r.dialogs.script('chooseImageFile', path.join(dir, 'face-link.png'));
    expect(await r.call('project:importImage', { source: 'dialog' })).toMatchObject({ width: 64, height: 64 });
  });
});

describe('image bytes over IPC', () => {
  it('a 200 MB image is refused by the request schema before it is decoded', async () => {
    const r = rig(await gatewayWith());
    await storyboard(r, await tempDir(), 1);
    const base64 = 'A'.repeat(200 * 1024 * 1024 * (4 / 3));
    const started = Date.now();
    await expect(r.call('project:importImage', { source: 'bytes', base64 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('the harness refuses an oversized body by its size, before buffering it', async () => {
    const body = Readable.from([Buffer.alloc(16)]) as Readable & { headers: Record<string, string>; method: string; url: string };
    Object.assign(body, { headers: { 'content-length': String(200 * 1024 * 1024) }, method: 'POST', url: '/ipc/project:importImage' });
    await expect(toRequest(body as never, 'http://127.0.0.1')).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});

describe('untrusted image loaders', () => {
  const run = promisify(execFile);
  const child = path.join(import.meta.dirname, 'support/loader-block-child.ts');
  it.each(['cli', 'app'])('are blocked as soon as the %s starts (in a fresh process)', async (which) => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', child, which], { cwd: path.resolve(import.meta.dirname, '../../..') });
    expect(JSON.parse(stdout)).toEqual({ before: true, after: false });
  }, 60_000);
});
