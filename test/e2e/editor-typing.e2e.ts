/**
 * Typing in the editor's text fields as in a text editor, in a real browser: after Ctrl+Z and
 * Ctrl+Shift+Z the caret sits where the text changed (Chromium puts it at the end of the text
 * whenever React writes a field's value), so the artist can type on at once; a new panel (Add
 * panel, N) puts the keyboard in its Scene.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { board, card, sceneOf, seedProject, useEditorRigs } from './support/editor-kit';

const openEditor = useEditorRigs();

const caret = (box: Locator) => box.evaluate((element: HTMLTextAreaElement) => [element.selectionStart, element.selectionEnd]);

/** Puts the caret at `at` in the box, as a click there would. */
async function caretAt(box: Locator, at: number): Promise<void> {
  await box.focus();
  await box.evaluate((element: HTMLTextAreaElement, position) => element.setSelectionRange(position, position), at);
}

/** A two-panel project open in the harness, with panel `selected` chosen on the board. */
async function boardWithPanelSelected(selected: number) {
  const rig = await openEditor();
  await seedProject(rig, 2);
  const { page } = rig;
  page.setDefaultTimeout(10_000);
  await page.goto(rig.harness.url);
  await board(page).waitFor();
  await card(page, selected).click();
  return page;
}

describe('typing in the editor', () => {
  it('after undo and redo the caret sits where the text changed, in the Scene and in a character description', async () => {
    const page = await boardWithPanelSelected(1);

    const scene = page.getByLabel('Scene', { exact: true });
    await caretAt(scene, 4);
    await page.keyboard.type(' quietly');
    expect(await scene.inputValue()).toBe('Mara quietly in scene 1');
    await page.keyboard.press('Control+z');
    await expect.poll(() => scene.inputValue()).toBe('Mara in scene 1');
    expect(await caret(scene)).toEqual([4, 4]);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => scene.inputValue()).toBe('Mara quietly in scene 1');
    expect(await caret(scene)).toEqual([12, 12]);
    await page.keyboard.type(',');
    expect(await scene.inputValue()).toBe('Mara quietly, in scene 1');

    const description = page.getByLabel('Character description');
    await caretAt(description, 12);
    await page.keyboard.type(' and boots');
    expect(await description.inputValue()).toBe('red raincoat and boots, short silver hair');
    await page.keyboard.press('Control+z');
    await expect.poll(() => description.inputValue()).toBe('red raincoat and, short silver hair');
    expect(await caret(description)).toEqual([16, 16]);
  });

  it('Add panel and N put the keyboard in the new panel\'s Scene, so the artist types at once', async () => {
    const page = await boardWithPanelSelected(2);

    await page.getByRole('button', { name: 'Add panel' }).click();
    await page.keyboard.type('Rooftop');
    await expect.poll(() => sceneOf(page, 3)).toBe('Rooftop');
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await page.getByRole('heading', { name: 'Panel 4' }).waitFor();
    await page.keyboard.type('Alley');
    await expect.poll(() => sceneOf(page, 4)).toBe('Alley');
    expect(await page.getByLabel('Scene', { exact: true }).evaluate((box) => box === document.activeElement)).toBe(true);
  });
});
