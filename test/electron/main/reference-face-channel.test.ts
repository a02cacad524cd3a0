/**
 * consistency:referenceFace wired as in the app (real services, dispatcher, the real worker and
 * model, files on disk): a reference image imported over IPC is told apart (one face, no face),
 * the request is validated, the verdict's detection is cached for the later check, and nothing
 * is asked with no project open.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { imageRefHash } from '../../../shared/domain/project';
import { blank, portrait } from '../services/consistency/sample-faces';
import { gatewayWith, rig, storyboard, tempDir, type Rig } from './support/app-rig';

let current: Rig | undefined;
afterEach(async () => {
  await current?.services.consistency.close();
  current = undefined;
});

const importBytes = async (r: Rig, bytes: Buffer) => ((await r.call('project:importImage', { source: 'bytes', base64: bytes.toString('base64') })) as { image: string }).image;

describe('consistency:referenceFace', { timeout: 120_000 }, () => {
  it('tells a portrait from a faceless image, and keeps the detection for the check', async () => {
    const r = (current = rig(await gatewayWith()));
    const { root } = await storyboard(r, await tempDir(), 1);
    const face = await importBytes(r, await portrait('ada'));
    const faceless = await importBytes(r, await blank());

    expect(await r.call('consistency:referenceFace', { image: face })).toEqual({ verdict: 'one-face', faces: 1, chosen: 'centre' });
    expect(await r.call('consistency:referenceFace', { image: faceless })).toEqual({ verdict: 'no-face', faces: 0, chosen: null });
    const cache = JSON.parse(await readFile(path.join(root, 'cache', 'faces.json'), 'utf8')) as { images: Record<string, unknown[]> };
    expect(cache.images[imageRefHash(face)]).toHaveLength(1);
    expect(cache.images[imageRefHash(faceless)]).toEqual([]);

    await writeFile(path.join(root, faceless), 'damaged');
    expect(await r.call('consistency:referenceFace', { image: faceless })).toMatchObject({ verdict: 'unreadable' });
  });

  it('refuses what is not an image of the project, and asks nothing with no project open', async () => {
    const r = (current = rig(await gatewayWith()));
    await expect(r.call('consistency:referenceFace', { image: `images/${'a'.repeat(64)}.png` })).rejects.toMatchObject({ code: 'NO_PROJECT' });
    await storyboard(r, await tempDir(), 1);
    for (const image of ['../../etc/passwd', '/tmp/x.png', 'images/abc.png']) {
      await expect(r.call('consistency:referenceFace', { image })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    }
    await expect(r.call('consistency:referenceFace', { image: `images/${'a'.repeat(64)}.png`, extra: 1 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
