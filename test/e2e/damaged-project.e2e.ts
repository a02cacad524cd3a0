/**
 * Error codes survive the bridge in the browser harness, whose bridge is built like the app's:
 * a separate bundle exposing the data-only bridge through an emulated contextBridge that keeps
 * only an error's message (test/harness/context-bridge.ts). A project.json damaged on disk (the
 * product's own file, cut in half) is refused with its code, so the welcome screen offers "Open
 * newest backup", and that restores the last good save.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { board, scriptDialog, seedProject, useEditorRigs } from './support/editor-kit';
import { screenshot } from './support/browser';

const openEditor = useEditorRigs();

describe('a damaged project in the harness', () => {
  it('offers "Open newest backup" and opens it', async () => {
    const rig = await openEditor();
    await seedProject(rig, 3);
    const { workspace } = rig.harness.services;
    const root = workspace.root();
    if (!root) throw new Error('seedProject() left no project open');
    await workspace.close();
    const file = path.join(root, 'project.json');
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));

    const { page } = rig;
    await page.goto(rig.harness.url);
    await scriptDialog(rig, 'chooseFolder', root);
    await page.getByRole('button', { name: 'Open project' }).first().click();
    const alert = page.getByRole('alert').filter({ hasText: 'project.json' });
    await alert.waitFor();
    const restore = alert.getByRole('button', { name: 'Open newest backup' });
    expect(await restore.count()).toBe(1);
    await screenshot(page, 'welcome-damaged-project-1440x900');

    await restore.click();
    await board(page).waitFor();
    expect(await board(page).getByRole('listitem').count()).toBe(3);
  });
});
