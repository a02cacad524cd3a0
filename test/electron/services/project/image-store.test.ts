import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createImageStore, looksLikeCompletePng } from '../../../../electron/services/project/image-store';
import { makeTempDir, removeTempDirs, sha256, tinyPng } from './fixtures';

afterEach(removeTempDirs);

describe('image store', () => {
  it('names images by the sha256 of their bytes and stores them byte-exact', async () => {
    const root = await makeTempDir();
    const store = createImageStore(root);
    const png = tinyPng(1);
    const ref = await store.put(png);
    expect(ref).toBe(`images/${sha256(png)}.png`);
    expect(await readFile(path.join(root, ref))).toEqual(png);
    expect(await store.check(ref)).toBe('ok');
    expect(await store.verify(ref)).toBe('ok');
    expect(await store.list()).toEqual([ref]);
  });

  it('tells missing, truncated and swapped images apart from good ones, and repairs a truncated one on put', async () => {
    const root = await makeTempDir();
    const writes: string[] = [];
    const store = createImageStore(root, { onWrite: (ref) => writes.push(ref) });
    const png = tinyPng(2);
    const ref = await store.put(png);
    await writeFile(path.join(root, ref), png.subarray(0, png.length - 5));
    expect(await store.check(ref)).toBe('corrupt');
    await writeFile(path.join(root, ref), tinyPng(3)); // complete PNG, wrong content for its name
    expect(await store.check(ref)).toBe('ok'); // the quick check cannot see it...
    expect(await store.verify(ref)).toBe('corrupt'); // ...the full check does
    await writeFile(path.join(root, ref), png.subarray(0, 10));
    await store.put(png);
    expect(await store.verify(ref)).toBe('ok');
    expect(writes).toEqual([ref, ref]);
    expect(await store.check(`images/${'0'.repeat(64)}.png`)).toBe('missing');
    await expect(store.read(`images/${'0'.repeat(64)}.png`)).rejects.toMatchObject({ code: 'PROJECT_IMAGE_MISSING' });
  });

  it('refuses data that is not a complete PNG', async () => {
    const store = createImageStore(await makeTempDir());
    const png = tinyPng(4);
    expect(looksLikeCompletePng(png)).toBe(true);
    expect(looksLikeCompletePng(png.subarray(0, png.length - 1))).toBe(false);
    await expect(store.put(png.subarray(0, png.length - 1))).rejects.toMatchObject({ code: 'IMAGE_INVALID' });
    await expect(store.put(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).rejects.toMatchObject({ code: 'IMAGE_INVALID' });
    expect(() => store.pathOf('../../etc/passwd')).toThrow(/Not a project image reference/);
  });
});
