/**
 * The recent list over IPC, wired as in the app (real services and dispatcher, folders on disk): a
 * project that was moved or deleted stays listed, marked missing; opening it says it was moved or
 * deleted, and Remove takes it off the list.
 */
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListedRecentProject } from '../../../shared/domain/project-status';
import { gatewayWith, rig, storyboard, tempDir } from './support/app-rig';

describe('recent projects channels', () => {
  it('keeps a moved project listed as missing, explains it when opened, and removes it on request', async () => {
    const r = rig(await gatewayWith());
    const { root: moved } = await storyboard(r, await tempDir(), 1);
    await r.call('project:close');
    const { root: kept } = await storyboard(r, await tempDir(), 1);
    await r.call('project:close');
    await rename(moved, path.join(path.dirname(moved), 'Elsewhere.castboard'));

    const listed = (await r.call('project:recent')) as ListedRecentProject[];
    expect(listed.map(({ path: folder, title, missing }) => ({ folder, title, missing }))).toEqual([
      { folder: kept, title: 'Night Market', missing: false },
      { folder: moved, title: 'Night Market', missing: true },
    ]);

    const failure = await r.call('project:openRecent', { path: moved }).catch((error: unknown) => error as { code: string; message: string });
    expect(failure).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    expect((failure as { message: string }).message).toBe(
      `"Night Market" is no longer at ${moved}: it was moved or deleted. If you moved it, use Open project to open it where it is now; to take it off the list, press the × next to it in Recent projects.`,
    );
    expect(r.services.workspace.root()).toBeNull();

    const after = (await r.call('project:removeRecent', { path: moved })) as ListedRecentProject[];
    expect(after.map((entry) => entry.path)).toEqual([kept]);
    expect(((await r.call('project:recent')) as ListedRecentProject[]).map((entry) => entry.path)).toEqual([kept]);
  });
});
