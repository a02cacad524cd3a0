/**
 * Export and scale through the real UI: the contact sheet dialog previews page 1 from main and
 * writes the sheet where the (scripted) save dialog says; a 500-panel board opens as a list of
 * 500 panels and stays editable.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { board, card, cardsWithTakes, imagesLoaded, useEditorRigs, sceneOf, seedProject, type EditorRig } from './support/editor-kit';

const openEditor = useEditorRigs();

async function scriptSavePath(current: EditorRig, answer: string): Promise<void> {
  const response = await fetch(new URL('/__harness/dialogs', current.harness.url), { method: 'POST', body: JSON.stringify({ kind: 'chooseSavePath', answer }) });
  expect(response.ok).toBe(true);
}

describe('export and scale', () => {
  it('previews and exports the contact sheet', async () => {
    const rig = await openEditor();
    await seedProject(rig, 4);
    const { page } = rig;
    await page.goto(rig.harness.url);
    await board(page).waitFor();
    await page.getByRole('button', { name: 'Generate missing' }).click();
    await page.getByRole('button', { name: 'Generate 4 images ($0.20)' }).click();
    await expect.poll(() => cardsWithTakes(page), { timeout: 30_000 }).toBe(4);

    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export contact sheet' });
    await dialog.getByRole('img', { name: 'Preview of the contact sheet, page 1' }).waitFor({ timeout: 20_000 });
    await dialog.getByLabel('Columns').fill('2');
    await dialog.getByRole('checkbox', { name: 'Scene' }).check();
    await expect.poll(() => dialog.getByRole('figure').getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    await imagesLoaded(page);
    await screenshot(page, 'editor-export-dialog-1440x900');

    const target = path.join(rig.dir, 'Night Market contact sheet.png');
    await scriptSavePath(rig, target);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 30_000 }).toContain('Contact sheet saved');
    expect((await stat(target)).size).toBeGreaterThan(1000);
    expect(rig.harness.services.workspace.project().exportSettings).toMatchObject({ columns: 2, captions: expect.arrayContaining(['scene']) });
  });

  it('opens a 500-panel board as a list of 500 and keeps it editable', async () => {
    const rig = await openEditor();
    await seedProject(rig, 500);
    const { page } = rig;
    await page.goto(rig.harness.url);
    await board(page).waitFor();
    await expect.poll(() => board(page).getByRole('listitem').count()).toBe(500);
    await card(page, 499).click();
    await page.getByLabel('Scene', { exact: true }).fill('The last-but-one shot, rewritten');
    await expect.poll(() => sceneOf(page, 499)).toBe('The last-but-one shot, rewritten');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Panel 499' }).waitFor();
    await screenshot(page, 'editor-500-panels-1440x900');
  });
});
