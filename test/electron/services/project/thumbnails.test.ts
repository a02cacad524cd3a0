import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createImageStore } from '../../../../electron/services/project/image-store';
import { createThumbnailCache, thumbnailPath } from '../../../../electron/services/project/thumbnails';
import { makeTempDir, removeTempDirs } from './fixtures';

afterEach(removeTempDirs);

async function photo(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } }).png().toBuffer();
}

describe('thumbnails', () => {
  it('builds thumbs/<sha>-<size>.png fitting the box, reuses it, and rebuilds it when deleted', async () => {
    const root = await makeTempDir();
    const ref = await createImageStore(root).put(await photo(1024, 576));
    const cache = createThumbnailCache(root);
    const relative = await cache.get(ref, 256);
    expect(relative).toBe(thumbnailPath(ref, 256));
    const file = path.join(root, relative ?? '');
    expect(await sharp(await readFile(file)).metadata()).toMatchObject({ width: 256, height: 144, format: 'png' });
    const first = await stat(file);
    await cache.get(ref, 256);
    expect((await stat(file)).mtimeMs).toBe(first.mtimeMs);
    await rm(path.join(root, 'thumbs'), { recursive: true });
    expect(await cache.get(ref, 256)).toBe(relative);
    expect(await sharp(await readFile(file)).metadata()).toMatchObject({ width: 256, height: 144 });
  });

  it('gives null (placeholder) for a missing or undecodable source image', async () => {
    const root = await makeTempDir();
    const cache = createThumbnailCache(root);
    expect(await cache.get(`images/${'d'.repeat(64)}.png`, 128)).toBeNull();
  });
});
