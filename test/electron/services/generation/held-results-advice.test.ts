/**
 * Paid images that cannot be written because the project folder stopped being writable while
 * the request was at the gateway: the failure says what to do for THAT cause (make the folder
 * writable again), not "free some disk space", and writing works again once the artist does it.
 * The folder is made read-only for real (read-only-folder.ts), after the request has left.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliMessage } from '../../../../electron/cli/cli-messages';
import { IMAGES_DIR } from '../../../../electron/services/project/project-paths';
import { gatewayWith, onDisk, rig, settled, storyboard, tempDir } from '../../main/support/app-rig';
import { makeReadOnly } from '../project/read-only-folder';

const undoers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const undo of undoers.splice(0)) await undo();
});

describe('paid images held for a folder that stopped being writable', () => {
  it('say to make the folder writable again, and are written once it is', async () => {
    const gateway = await gatewayWith({ latencyMs: 600 });
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 1);
    await r.call('project:save');
    await r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 });
    await expect.poll(() => gateway.requests.length, { timeout: 5000 }).toBeGreaterThan(0);
    const how = await makeReadOnly(path.join(root, IMAGES_DIR), undoers);
    if (how === null) throw new Error('This machine cannot make a folder read-only (neither chmod nor chattr works): the test cannot run here.');

    const failed = (await settled(r)).jobs[0];
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'RESULT_NOT_STORED' } });
    expect(failed?.error?.message).toContain('as soon as it can write again: make the project folder writable again and keep Castboard open.');
    expect(failed?.error?.message).not.toContain('disk space');
    // The command line cannot wait for the folder: the same advice, for before the next run.
    expect(cliMessage(failed?.error?.message ?? '')).toMatch(/The command could not wait to keep them: make the project folder writable again before running it again\.$/);

    for (const undo of undoers.splice(0)) await undo();
    await r.services.generation.storeHeldResults();
    await r.call('project:save');
    expect((await onDisk(root)).panels[0]?.takes).toHaveLength(1);
  }, 30_000);
});
