/**
 * A project whose thumbs/ cannot be written (a shared or read-only project folder, a full disk)
 * still shows its takes: the board's thumbnails are built and served from memory instead of
 * coming back as "Image missing". Driven through the media handler wired as main wires it (the
 * workspace prepares each thumbnail), on a take the app generated.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { THUMBS_DIR } from '../../../electron/services/project/project-paths';
import { createMediaHandler } from '../../../electron/services/serving/media-handler';
import { thumbnailPath } from '../../../shared/domain/thumbnail-ref';
import { makeReadOnly } from '../services/project/read-only-folder';
import { gatewayWith, onDisk, rig, settled, storyboard, tempDir } from './support/app-rig';

const undoers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const undo of undoers.splice(0)) await undo();
});

describe('thumbnails of a project that cannot store them', () => {
  it('are served from memory, the size asked for, and nothing is written', async () => {
    const r = rig(await gatewayWith());
    const { root, project } = await storyboard(r, await tempDir(), 1);
    await r.call('jobs:generate', { panelIds: [project.panels[0]?.id ?? ''], variations: 1 });
    await settled(r);
    const take = (await onDisk(root)).panels[0]?.takes[0];
    if (!take) throw new Error('the generate stored no take');

    const thumbs = path.join(root, THUMBS_DIR);
    await mkdir(thumbs, { recursive: true });
    const before = await readdir(thumbs);
    const how = await makeReadOnly(thumbs, undoers);
    if (how === null) throw new Error('This machine can make no folder read-only (neither chmod nor chattr +i works): run the test as a normal user.');

    const media = createMediaHandler({ getProjectRoot: () => r.services.workspace.root(), prepare: (relative) => r.services.workspace.prepareMedia(relative) });
    const relative = thumbnailPath(take.image, 256);
    expect(before).not.toContain(path.basename(relative));
    for (const attempt of [1, 2]) {
      const response = await media(new Request(`castboard-media://project/${relative}`));
      expect(response.status, `request ${attempt}`).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const { width, height } = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(Math.max(width ?? 0, height ?? 0)).toBe(256);
    }
    expect(await readdir(thumbs)).toEqual(before);
  });
});
