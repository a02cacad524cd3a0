/**
 * Export and scale through the real UI: the contact sheet dialog previews page 1 from main and
 * writes the sheet where the (scripted) save dialog says; at 1280x720 its buttons stay in view
 * after an export and its result line speaks only of the format on screen. (A 500-panel board on
 * screen: board-scale.e2e.ts.)
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { board, imagesLoaded, inPlainView, openGeneratedBoard, scriptDialog, useEditorRigs, seedProject } from './support/editor-kit';

const openEditor = useEditorRigs();


describe('export and scale', () => {
  it('previews and exports the contact sheet', async () => {
    const rig = await openEditor();
    const page = await openGeneratedBoard(rig, 4);

    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export', exact: true });
    await dialog.getByRole('img', { name: 'Preview of the contact sheet, page 1' }).waitFor({ timeout: 20_000 });
    await dialog.getByLabel('Columns').fill('2');
    expect(await dialog.getByRole('checkbox', { name: 'Scene' }).isChecked()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Camera angle' }).check();
    await dialog.getByRole('checkbox', { name: 'Camera movement' }).check();
    await expect.poll(() => dialog.getByRole('figure').getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    await imagesLoaded(page);
    await screenshot(page, 'editor-export-dialog-1440x900');

    const target = path.join(rig.dir, 'Night Market contact sheet.png');
    await scriptDialog(rig, 'chooseSavePath', target);
    await dialog.getByRole('button', { name: 'Export contact sheet…' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 30_000 }).toContain('Contact sheet saved');
    expect((await stat(target)).size).toBeGreaterThan(1000);
    expect(rig.harness.services.workspace.project().exportSettings).toMatchObject({ columns: 2, captions: ['scene', 'dialogue', 'shot', 'angle', 'movement'] });

    // Show the result: main opens what it wrote, the page never names a path.
    await dialog.getByRole('button', { name: 'Show in folder' }).click();
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => rig.harness.shellRequests.length).toBe(2);
    expect(rig.harness.shellRequests).toEqual([
      { action: 'showItemInFolder', path: target },
      { action: 'openPath', path: target },
    ]);

    // A production format from the same dialog: the PDF board, saved where the artist says.
    await dialog.getByLabel('Format').selectOption('pdf');
    await expect.poll(() => dialog.getByText('Printable pages').count()).toBe(1);
    await screenshot(page, 'editor-export-dialog-pdf-1440x900');
    const pdfFile = path.join(rig.dir, 'Night Market.pdf');
    await scriptDialog(rig, 'chooseSavePath', pdfFile);
    await dialog.getByRole('button', { name: 'Export PDF board…' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 30_000 }).toContain(`Saved: ${pdfFile}`);
    expect((await stat(pdfFile)).size).toBeGreaterThan(1000);
  });

  it('at 1280x720 keeps Close and the Export button in view after exports, and each result under its own format', async () => {
    const rig = await openEditor({ width: 1280, height: 720 });
    const page = await openGeneratedBoard(rig, 3);
    await page.getByRole('button', { name: 'Add panel' }).click(); // after the focused panel 1: panel 2 has no take yet
    await expect.poll(() => board(page).getByRole('listitem').count()).toBe(4);

    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export', exact: true });
    await dialog.getByRole('img', { name: 'Preview of the contact sheet, page 1' }).waitFor({ timeout: 20_000 });
    const sheet = path.join(rig.dir, 'sheet.png');
    await scriptDialog(rig, 'chooseSavePath', sheet);
    await dialog.getByRole('button', { name: 'Export contact sheet…' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 30_000 }).toBe(`Contact sheet saved: ${sheet}. Panel 2 has no take: it shows as a placeholder.Show in folderOpen`);

    // The sheet's result does not follow the artist to the PDF's options.
    await dialog.getByLabel('Format').selectOption('pdf');
    await dialog.getByRole('img', { name: 'Preview of the PDF board, page 1' }).waitFor({ timeout: 20_000 });
    expect(await dialog.getByText('Contact sheet saved').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Show in folder' }).count()).toBe(0);

    const pdf = path.join(rig.dir, 'board.pdf');
    await scriptDialog(rig, 'chooseSavePath', pdf);
    await dialog.getByRole('button', { name: 'Export PDF board…' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 30_000 }).toContain(`Saved: ${pdf}. Panel 2 has no take: it shows as a placeholder.`);
    await expect.poll(() => dialog.getByRole('figure').getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    await imagesLoaded(page);
    await screenshot(page, 'editor-export-pdf-saved-1280x720');
    // The action row is in view with the result shown, here and in a 1024x640 window: nothing to
    // scroll to close or export again.
    for (const viewport of [{ width: 1280, height: 720 }, { width: 1024, height: 640 }]) {
      await page.setViewportSize(viewport);
      for (const name of ['Close', 'Export panel images…', 'Export PDF board…', 'Show in folder']) {
        expect({ viewport, name, inView: await inPlainView(dialog.getByRole('button', { name, exact: true })) }).toEqual({ viewport, name, inView: true });
      }
    }
    await screenshot(page, 'editor-export-pdf-saved-1024x640');
  });

  it('exports a large board as pages unless one long image is chosen, with the page count and a zoom', async () => {
    const rig = await openEditor({ width: 1280, height: 720 });
    await seedProject(rig, 60);
    const { page } = rig;
    await page.goto(rig.harness.url);
    await board(page).waitFor();
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export', exact: true });
    await dialog.getByRole('img', { name: 'Preview of the contact sheet, page 1' }).waitFor({ timeout: 20_000 });
    expect(await dialog.getByLabel('Layout').inputValue()).toBe('a4');
    await expect.poll(() => dialog.getByTestId('export-pages').textContent(), { timeout: 20_000 }).toMatch(/^\d+ pages, \d+ × \d+ px each$/);
    const pages = Number((await dialog.getByTestId('export-pages').textContent())?.split(' ')[0]);
    expect(pages).toBeGreaterThan(1);
    await dialog.getByRole('button', { name: '200%' }).click();
    await expect.poll(() => dialog.getByRole('figure').getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    const zoomed = await dialog.getByRole('img', { name: 'Preview of the contact sheet, page 1' }).evaluate((image: HTMLImageElement) => image.naturalWidth);
    expect(zoomed).toBeGreaterThan(1000);
    // Every page can be looked at before exporting: main draws the one asked for.
    const firstSrc = await dialog.getByRole('img', { name: 'Preview of the contact sheet, page 1' }).getAttribute('src');
    expect(await dialog.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Next page' }).click();
    expect(await dialog.getByTestId('preview-page').textContent()).toBe(`Page 2 of ${pages}`);
    await dialog.getByRole('img', { name: 'Preview of the contact sheet, page 2' }).waitFor();
    await expect.poll(() => dialog.getByRole('figure').getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    expect(await dialog.getByRole('img', { name: 'Preview of the contact sheet, page 2' }).getAttribute('src')).not.toBe(firstSrc);
    for (let step = 2; step < pages; step += 1) await dialog.getByRole('button', { name: 'Next page' }).click();
    expect(await dialog.getByTestId('preview-page').textContent()).toBe(`Page ${pages} of ${pages}`);
    expect(await dialog.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await dialog.getByRole('img', { name: `Preview of the contact sheet, page ${pages}` }).waitFor();
    await expect.poll(() => dialog.getByRole('figure').getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    await screenshot(page, 'editor-export-large-board-1280x720');

    await dialog.getByLabel('Layout').selectOption('none');
    await expect.poll(() => dialog.getByTestId('export-pages').textContent(), { timeout: 20_000 }).toMatch(/^One image, \d+ × \d+ px$/);
    const target = path.join(rig.dir, 'long.png');
    await scriptDialog(rig, 'chooseSavePath', target);
    await dialog.getByRole('button', { name: 'Export contact sheet…' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 60_000 }).toContain('Contact sheet saved');
    expect((await stat(target)).size).toBeGreaterThan(1000);
  });
});
