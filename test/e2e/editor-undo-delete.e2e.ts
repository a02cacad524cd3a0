/**
 * Undoing a deletion through the real UI (issue #12): "Undo delete" restores exactly that
 * deletion and never another edit; the notice goes away when the deletion is undone by any means,
 * when history moves on, and when the project is closed; a deleted panel with paid takes is still
 * recoverable after the project is reopened, from "Recently deleted".
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { activeSrc, board, card, imagesLoaded, openGeneratedBoard, saved, sceneOf, useEditorRigs } from './support/editor-kit';

const openEditor = useEditorRigs();

const panelCount = (page: Page) => board(page).getByRole('listitem').count();
const undoDelete = (page: Page) => page.getByRole('button', { name: 'Undo delete' });

async function deletePanel2(page: Page): Promise<void> {
  await card(page, 2).click();
  await page.keyboard.press('Delete');
  await expect.poll(() => panelCount(page)).toBe(2);
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Panel 2 deleted with 1 take' }).count()).toBe(1);
}

describe('undo delete', () => {
  it('never undoes a later edit: the offer goes once history moves on, and undo still works in order', async () => {
    const rig = await openEditor();
    const page = await openGeneratedBoard(rig, 3);
    await deletePanel2(page);
    await card(page, 1).click();
    const movement = page.getByLabel('Camera movement', { exact: true });
    await movement.selectOption({ label: 'Pan' });
    await expect.poll(() => undoDelete(page).count()).toBe(0);
    expect(await movement.inputValue()).toBe('PAN');
    expect(await panelCount(page)).toBe(2);

    await page.keyboard.press('Control+z');
    await expect.poll(() => movement.inputValue()).toBe('STATIC');
    expect(await panelCount(page)).toBe(2);
    await page.keyboard.press('Control+z');
    await expect.poll(() => panelCount(page)).toBe(3);
    expect(await sceneOf(page, 2)).toBe('Mara in scene 2');
  });

  it('restores exactly the deleted panel with its take, and the notice goes when undone by keys', async () => {
    const rig = await openEditor();
    const page = await openGeneratedBoard(rig, 3);
    const src = await activeSrc(page, 2);
    await deletePanel2(page);
    await screenshot(page, 'editor-undo-delete-notice');
    await undoDelete(page).click();
    await expect.poll(() => panelCount(page)).toBe(3);
    expect(await sceneOf(page, 2)).toBe('Mara in scene 2');
    expect(await activeSrc(page, 2)).toBe(src);
    expect(await undoDelete(page).count()).toBe(0);

    await deletePanel2(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => panelCount(page)).toBe(3);
    await expect.poll(() => undoDelete(page).count()).toBe(0);
  });

  it('keeps a deleted panel with takes recoverable after closing and reopening the project', async () => {
    const rig = await openEditor();
    const page = await openGeneratedBoard(rig, 3);
    const src = await activeSrc(page, 2);
    await deletePanel2(page);
    await saved(page);

    await page.getByRole('button', { name: 'Close project' }).click();
    await page.getByRole('region', { name: 'Recent projects' }).getByRole('button', { name: /Night Market/ }).click();
    await board(page).waitFor();
    expect(await panelCount(page)).toBe(2);
    expect(await undoDelete(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);

    const deleted = page.getByRole('region', { name: 'Recently deleted panels' });
    await deleted.getByRole('button', { name: 'Recently deleted section' }).click();
    expect(await deleted.textContent()).toContain('1 take');
    await imagesLoaded(page);
    await screenshot(page, 'editor-recently-deleted');
    await deleted.getByRole('button', { name: 'Restore panel 2: Mara in scene 2' }).click();
    await expect.poll(() => panelCount(page)).toBe(3);
    expect(await sceneOf(page, 2)).toBe('Mara in scene 2');
    expect(await activeSrc(page, 2)).toBe(src);
    expect(await deleted.count()).toBe(0);

    await saved(page);
    const project = rig.harness.services.workspace.project();
    expect(project.panels.map((panel) => panel.takes.length)).toEqual([1, 1, 1]);
    expect(project.recentlyDeleted ?? []).toEqual([]);
  });
});
