/**
 * The Settings dialog's Save at the window sizes artists use: on a small laptop (1024x640) and at
 * 1280x720 the dialog is taller than the window, and Save settings sat at the end of its scrolling
 * body, out of sight until the artist scrolled. It now sits in the dialog's pinned footer: fully
 * in the window and in the dialog, not covered, with the body unscrolled; saving from there, or
 * with Enter in a box, still saves; a refused value is said under its box, which takes focus and
 * is scrolled into plain view (not under the pinned header or footer), as is each box Tab reaches.
 * Screenshots in test-results/.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { board, boxOf, inPlainView, seedProject, useEditorRigs, type EditorRig } from './support/editor-kit';

const openEditor = useEditorRigs();

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** Settings opened over a board made by the app's own functions, as an artist at work opens it. */
async function openSettings(size: { width: number; height: number }): Promise<{ rig: EditorRig; page: Page; dialog: Locator }> {
  const rig = await openEditor(size);
  await seedProject(rig, 3);
  const { page } = rig;
  page.setDefaultTimeout(10_000);
  await page.goto(rig.harness.url);
  await board(page).waitFor();
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.waitFor();
  await dialog.getByLabel('Gateway URL').waitFor();
  return { rig, page, dialog };
}

describe('Settings: Save in view at every window size', () => {
  it.each(SIZES)('at $width x $height Save settings is in view without scrolling, and saves a changed value', async (size) => {
    const { rig, page, dialog } = await openSettings(size);
    const save = dialog.getByRole('button', { name: 'Save settings' });
    const scrollTop = () => dialog.evaluate((element) => element.scrollTop);
    expect(await scrollTop()).toBe(0);
    // Below 1920x1080 the dialog is taller than the window: Save is in view because it is pinned.
    if (size.height < 1000) expect(await dialog.evaluate((element) => element.scrollHeight > element.clientHeight), 'the body scrolls').toBe(true);
    await screenshot(page, `settings-footer-${size.width}x${size.height}`);

    // In the window, inside the dialog (1 px of rounding), and nothing drawn over it.
    const button = await boxOf(save);
    const frame = await boxOf(dialog);
    expect({ button, frame, inside: button.left >= frame.left - 1 && button.right <= frame.right + 1 && button.top >= frame.top - 1 && button.bottom <= frame.bottom + 1 }).toMatchObject({ inside: true });
    expect(await inPlainView(save), 'Save settings in plain view').toBe(true);

    const autosave = dialog.getByLabel('Autosave after (seconds)');
    await autosave.fill('2.5');
    // Back to the top, as an artist who changed a box and looks for Save, then a click where Save
    // is on screen (a locator's click would scroll it into view first, hiding an out-of-view button).
    await dialog.evaluate((element) => element.scrollTo(0, 0));
    expect(await inPlainView(save), 'Save settings in plain view after an edit').toBe(true);
    const target = await boxOf(save);
    await page.mouse.click((target.left + target.right) / 2, (target.top + target.bottom) / 2);
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'Settings saved.' }).count()).toBe(1);
    expect(await inPlainView(dialog.getByText('Settings saved.')), 'the outcome is said beside Save').toBe(true);
    await screenshot(page, `settings-footer-saved-${size.width}x${size.height}`);
    expect(rig.harness.services.settings.get().autosaveDelayMs).toBe(2500);
    expect(await scrollTop(), 'saved without scrolling').toBe(0);
  });

  it('Enter in a box saves the form, as before', async () => {
    const { rig, dialog } = await openSettings(SIZES[0]!);
    const parallel = dialog.getByLabel('Parallel requests');
    await parallel.fill('6');
    await parallel.press('Enter');
    await expect.poll(() => rig.harness.services.settings.get().concurrency).toBe(6);
    // Main has the value before the window has its answer: wait for the window to say it.
    await expect.poll(() => dialog.getByText('Settings saved.').count()).toBe(1);
  });

  it('Tab from box to box shows each one in plain view, never under the pinned header or footer (1024x640)', async () => {
    const { page, dialog } = await openSettings(SIZES[0]!);
    const labels = ['Parallel requests', 'Wait for an image at most (seconds)', 'Wait out a slow-down request at most (minutes)', 'Price per image (USD)', 'Autosave after (seconds)'];
    await dialog.getByLabel('Gateway URL').focus();
    await dialog.evaluate((element) => element.scrollTo(0, 0));
    for (const label of labels) {
      await page.keyboard.press('Tab');
      const field = dialog.getByLabel(label);
      expect(await field.evaluate((element) => element === document.activeElement), `${label} focused`).toBe(true);
      expect(await inPlainView(field), `${label} in plain view`).toBe(true);
    }
    // Shift+Tab back up: the boxes reappear from under the header.
    for (const label of [...labels].reverse().slice(1)) {
      await page.keyboard.press('Shift+Tab');
      expect(await inPlainView(dialog.getByLabel(label)), `${label} in plain view going back`).toBe(true);
    }
  });

  it('a refused value is said under its box, which takes focus in plain view; nothing is saved (1024x640)', async () => {
    const { rig, page, dialog } = await openSettings(SIZES[0]!);
    const before = rig.harness.services.settings.get();
    const price = dialog.getByLabel('Price per image (USD)');
    await price.fill('150');
    await dialog.evaluate((element) => element.scrollTo(0, 0));
    const save = await boxOf(dialog.getByRole('button', { name: 'Save settings' }));
    await page.mouse.click((save.left + save.right) / 2, (save.top + save.bottom) / 2);
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('Price per image must be a number from 0 to 100 USD.');
    expect(await price.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await inPlainView(price), 'the refused box in plain view').toBe(true);
    expect(await inPlainView(alert), 'its message in plain view').toBe(true);
    // Under its own box: the message starts where the box starts, just below it.
    const [field, said] = [await boxOf(price), await boxOf(alert)];
    expect(Math.abs(said.left - field.left)).toBeLessThanOrEqual(1);
    expect(said.top - field.bottom).toBeGreaterThanOrEqual(0);
    expect(said.top - field.bottom).toBeLessThan(16);
    await screenshot(page, 'settings-footer-refused-1024x640');
    expect(rig.harness.services.settings.get()).toEqual(before);
  });
});
