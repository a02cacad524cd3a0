/**
 * A project folder that stops being writable while it is open (remounted read-only, permissions
 * or attributes changed): Generate, Restyle and "Render with character" (a restyle) are refused
 * before any request, saying what to do, instead of paying for images that have nowhere to go
 * (they used to be held in memory with the advice to free disk space). Once the folder can be
 * written again, the same restyle goes through.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliMessage } from '../../../electron/cli/cli-messages';
import { IMAGES_DIR } from '../../../shared/domain/project-image-ref';
import { makeReadOnly } from '../services/project/read-only-folder';
import { gatewayWith, onDisk, rig, settled, storyboard, tempDir } from './support/app-rig';

const undoers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const undo of undoers.splice(0)) await undo();
});

describe('a project folder that is no longer writable', () => {
  it('refuses Generate and Restyle before paying, and restyles once it can write again', async () => {
    const gateway = await gatewayWith();
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 1);
    const panelIds = [project.panels[0]?.id ?? ''];
    await r.call('jobs:generate', { panelIds, variations: 1 });
    await settled(r);
    expect((await onDisk(root)).panels[0]?.takes).toHaveLength(1);
    const posts = () => gateway.requests.filter((request) => request.method === 'POST').length;
    expect(posts()).toBe(1);

    const how = await makeReadOnly(path.join(root, IMAGES_DIR), undoers);
    if (how === null) throw new Error('This machine can make no folder read-only (neither chmod nor chattr +i works): run the test as a normal user.');
    const refusal = { code: 'PROJECT_SAVE_FAILED', message: expect.stringMatching(/^Nothing was generated or charged: Castboard cannot write to the project folder .*Make the folder writable again, or use Save As/) };
    const restyle = { panelIds, stylePrompt: 'watercolor', imageWeight: 55, variations: 1 };
    const refused = await r.call('jobs:restyle', restyle).catch((error: unknown) => error);
    expect(refused).toMatchObject(refusal);
    // The command line names no app control (Save As): it says to run the command again.
    const cli = cliMessage((refused as Error).message);
    expect(cli).not.toContain('Save As');
    expect(cli).toMatch(/Make the folder writable again, then run the command again\.$/);
    await expect(r.call('jobs:generate', { panelIds, variations: 2 })).rejects.toMatchObject(refusal);
    expect(posts()).toBe(1);
    expect(r.services.generation.heldImages()).toBe(0);

    for (const undo of undoers.splice(0)) await undo();
    await r.call('jobs:restyle', restyle);
    const snapshot = await settled(r);
    expect(snapshot.jobs.at(-1)).toMatchObject({ state: 'done', kind: 'restyle' });
    expect(posts()).toBe(2);
    expect((await onDisk(root)).panels[0]?.takes).toHaveLength(2);
  });
});
