/**
 * The recent list over IPC, wired as in the app (real services and dispatcher, folders on disk): a
 * project that was moved or deleted stays listed, marked missing; opening it says it was moved or
 * deleted (from the start screen and from the menu's Open Recent alike), and Remove takes it off
 * the list.
 */
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu/menu-template';
import { createProjectOpener } from '../../../electron/main/project-opener';
import { silentLogger } from '../../../electron/services/logger';
import { movedOrDeletedMessage } from '../../../electron/services/project/recent-projects';
import type { ListedRecentProject } from '../../../shared/domain/project-status';
import { gatewayWith, rig, storyboard, tempDir, type Rig } from './support/app-rig';

/** Electron's MenuItemConstructorOptions, without importing electron into a test. */
type MenuItemConstructorOptions = ReturnType<typeof buildMenuTemplate>[number];

/** Two Night Market projects made in the app; the first is then moved away. */
async function oneMovedAway(r: Rig): Promise<{ moved: string; kept: string }> {
  const { root: moved } = await storyboard(r, await tempDir(), 1);
  await r.call('project:close');
  const { root: kept } = await storyboard(r, await tempDir(), 1);
  await r.call('project:close');
  await rename(moved, path.join(path.dirname(moved), 'Elsewhere.castboard'));
  return { moved, kept };
}

describe('recent projects channels', () => {
  it('keeps a moved project listed as missing, explains it when opened, and removes it on request', async () => {
    const r = rig(await gatewayWith());
    const { moved, kept } = await oneMovedAway(r);

    const listed = (await r.call('project:recent')) as ListedRecentProject[];
    expect(listed.map(({ path: folder, title, missing }) => ({ folder, title, missing }))).toEqual([
      { folder: kept, title: 'Night Market', missing: false },
      { folder: moved, title: 'Night Market', missing: true },
    ]);

    const failure = await r.call('project:openRecent', { path: moved }).catch((error: unknown) => error as { code: string; message: string });
    expect(failure).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    expect((failure as { message: string }).message).toBe(
      `"Night Market" is no longer at ${moved}: it was moved or deleted. If you moved it, use Open project to open it where it is now; to take it off the list, press the × next to it in Recent projects on the start screen.`,
    );
    expect(r.services.workspace.root()).toBeNull();

    const after = (await r.call('project:removeRecent', { path: moved })) as ListedRecentProject[];
    expect(after.map((entry) => entry.path)).toEqual([kept]);
    expect(((await r.call('project:recent')) as ListedRecentProject[]).map((entry) => entry.path)).toEqual([kept]);
  });

  it("the menu's Open Recent on a moved project says what the start screen says", async () => {
    const r = rig(await gatewayWith());
    const { moved } = await oneMovedAway(r);
    const showError = vi.fn(async (_message: string, _detail: string) => undefined);
    // Wired as in electron/main/index.ts: the menu's Open Recent goes through the project opener.
    const openProject = createProjectOpener({
      workspace: r.services.workspace,
      generation: r.services.generation,
      guard: { facts: () => ({ projectTitle: null, unsavedChanges: false, jobsRunning: false }), ask: vi.fn(async () => 0) },
      focus: () => undefined,
      reload: () => undefined,
      showError,
      logger: silentLogger,
    });
    const state = { platform: 'linux' as const, appName: 'Castboard', hasProject: false, recent: await r.services.workspace.recent(), developer: false };
    const template = buildMenuTemplate(state, { run: vi.fn(), openRecent: (folder) => void openProject(folder, { fromRecent: true }) });
    const file = template.find((item) => item.label === '&File')?.submenu as MenuItemConstructorOptions[];
    const recent = file.find((item) => item.label === 'Open Recent')?.submenu as MenuItemConstructorOptions[];
    const item = recent.find((entry) => String(entry.label).endsWith('(not found)'));
    (item?.click as () => void)();
    await vi.waitFor(() => expect(showError).toHaveBeenCalledTimes(1));

    const startScreen = await r.call('project:openRecent', { path: moved }).catch((error: unknown) => error as Error);
    expect(showError).toHaveBeenCalledWith('Castboard could not open “Night Market.castboard”.', (startScreen as Error).message);
    expect((startScreen as Error).message).toBe(movedOrDeletedMessage({ title: 'Night Market', path: moved }));
    expect(r.services.workspace.root()).toBeNull();
  });
});
