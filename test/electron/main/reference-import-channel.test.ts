/**
 * project:importImage from the reference dialog pushes project:imageChosen once the artist picked
 * a file (so the window says "Importing…" only from then on), never when the dialog is cancelled.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { portrait } from '../services/consistency/sample-faces';
import { gatewayWith, rig, storyboard, tempDir } from './support/app-rig';

describe('project:imageChosen', () => {
  it('is pushed once the artist picked a file in the reference dialog, and not when the dialog is cancelled', async () => {
    const r = rig(await gatewayWith());
    const dir = await tempDir();
    await storyboard(r, dir, 1);
    const chosen = path.join(dir, 'ada.png');
    await writeFile(chosen, await portrait('ada'));
    const pushed = () => r.events.filter((event) => event.event === 'project:imageChosen');

    r.dialogs.script('chooseImageFile', null);
    expect(await r.call('project:importImage', { source: 'dialog' })).toBeNull();
    expect(pushed()).toEqual([]);

    r.dialogs.script('chooseImageFile', chosen);
    expect(await r.call('project:importImage', { source: 'dialog' })).toMatchObject({ width: 370, height: 480 });
    expect(pushed()).toEqual([{ event: 'project:imageChosen', payload: {} }]);
  });
});
