/**
 * The production formats through the real export dialog: options chosen in the dialog reach the
 * file (a GIF read back with sharp), are saved in the project and shown again when the dialog is
 * reopened; a long MP4 export is cancelled from the dialog and leaves nothing behind; labels are
 * never cut at 1024 px wide.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gifMetadata } from '../electron/services/export/gif-reader';
import { screenshot } from './support/browser';
import { imagesLoaded, openGeneratedBoard, saved, scriptDialog, useEditorRigs } from './support/editor-kit';

const openEditor = useEditorRigs();


async function openExport(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export', exact: true });
  await dialog.waitFor();
  return dialog;
}

/** Labels in the dialog whose text does not fit their box (cut instead of wrapped). */
function cutLabels(dialog: Locator): Promise<string[]> {
  return dialog.locator('label, legend').evaluateAll((labels) => labels.filter((label) => label.scrollWidth > label.clientWidth + 1).map((label) => label.textContent ?? ''));
}

describe('production exports from the dialog', () => {
  it('writes a GIF with the options chosen, keeps them in the project, and shows them again', async () => {
    const rig = await openEditor({ width: 1024, height: 640 });
    const page = await openGeneratedBoard(rig, 4);
    const dialog = await openExport(page);
    for (const format of ['png', 'pdf', 'mp4', 'gif', 'fcpxml', 'csv']) {
      await dialog.getByLabel('Format').selectOption(format);
      expect(await cutLabels(dialog), `labels of ${format}`).toEqual([]);
    }
    // What each format will write, before writing it.
    await dialog.getByLabel('Format').selectOption('pdf');
    await dialog.getByLabel('Layout').selectOption('shooting');
    await expect.poll(() => dialog.getByTestId('export-summary').textContent(), { timeout: 20_000 }).toBe('2 pages, A4 landscape, shooting board, 3 a page, 150 dpi');
    await dialog.getByRole('img', { name: 'Preview of the PDF board, page 1' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => dialog.getByRole('figure').getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    await screenshot(page, 'export-pdf-1024x640');
    await dialog.getByRole('button', { name: 'Next page' }).click();
    await dialog.getByRole('img', { name: 'Preview of the PDF board, page 2' }).waitFor({ timeout: 20_000 });
    expect(await dialog.getByTestId('preview-page').textContent()).toBe('Page 2 of 2');
    await dialog.getByLabel('Format').selectOption('csv');
    await dialog.getByRole('table').waitFor({ timeout: 20_000 });
    expect(await dialog.getByRole('table').getByRole('row').count()).toBe(5); // the header and 4 panels
    await screenshot(page, 'export-csv-1024x640');
    await dialog.getByLabel('Format').selectOption('fcpxml');
    await expect.poll(() => dialog.getByTestId('export-summary').textContent(), { timeout: 20_000 }).toBe('A 0:12 timeline at 24 fps (1920 × 1080) and a folder of 4 stills beside it');

    await dialog.getByLabel('Format').selectOption('mp4');
    await dialog.getByRole('checkbox', { name: 'Cross-fade between panels' }).check();
    await dialog.getByRole('img', { name: 'Preview of the animatic, first frame' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => dialog.getByTestId('export-summary').textContent(), { timeout: 20_000 }).toBe('1280 × 720 at 24 fps, 0:12 long, 4 panels, with a subtitle file');
    await imagesLoaded(page);
    await screenshot(page, 'export-mp4-options-1024x640');

    await dialog.getByLabel('Format').selectOption('gif');
    await dialog.getByLabel('Width').fill('320');
    await expect.poll(() => dialog.getByTestId('export-summary').textContent(), { timeout: 20_000 }).toBe('320 × 180, 0:12 long, 4 frames');
    await dialog.getByRole('img', { name: 'Preview of the GIF, first frame' }).waitFor();
    await screenshot(page, 'export-gif-1024x640');
    const file = path.join(rig.dir, 'Night Market.gif');
    await scriptDialog(rig, 'chooseSavePath', file);
    await dialog.getByRole('button', { name: 'Export GIF…' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 30_000 }).toContain(`Saved: ${file}`);
    // Every panel held for the default 3 s, at the width chosen, in the project's 16:9.
    expect(await gifMetadata(file)).toMatchObject({ width: 320, pageHeight: 180, pages: 4, delay: [3000, 3000, 3000, 3000] });

    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await saved(page);
    const onDisk = JSON.parse(await readFile(path.join(rig.harness.services.workspace.root() ?? '', 'project.json'), 'utf8')) as { exportSettings: { formats?: Record<string, unknown> } };
    expect(onDisk.exportSettings.formats).toMatchObject({ gif: { width: 320 }, mp4: { crossfade: true }, pdf: { layout: 'shooting', perPage: 3 } });
    const again = await openExport(page);
    await again.getByLabel('Format').selectOption('gif');
    expect(await again.getByLabel('Width').inputValue()).toBe('320');
    await again.getByLabel('Format').selectOption('mp4');
    expect(await again.getByRole('checkbox', { name: 'Cross-fade between panels' }).isChecked()).toBe(true);
  });

  it('cancels a long animatic export: nothing is left where it was going, and the dialog says so', async () => {
    const rig = await openEditor();
    const page = await openGeneratedBoard(rig, 6, { durationSeconds: 20, dialogue: 'Keep moving, the tide is coming in.' });
    const dialog = await openExport(page);
    await dialog.getByLabel('Format').selectOption('mp4');
    await dialog.getByLabel('Video size').selectOption('1920x1080');
    await dialog.getByLabel('Frame rate').selectOption('30');
    await expect.poll(() => dialog.getByTestId('export-summary').textContent(), { timeout: 20_000 }).toBe('1920 × 1080 at 30 fps, 2:00 long, 6 panels, with a subtitle file');
    const before = (await readdir(rig.dir)).sort();
    await scriptDialog(rig, 'chooseSavePath', path.join(rig.dir, 'Night Market.mp4'));
    await dialog.getByRole('button', { name: 'Export animatic…' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/\d of 6 panels/);
    await screenshot(page, 'export-mp4-running-1440x900');
    await dialog.getByRole('button', { name: 'Cancel export' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 20_000 }).toBe('Export cancelled. Nothing was written.');
    expect(await dialog.locator('.callout-error').count()).toBe(0);
    expect((await readdir(rig.dir)).sort()).toEqual(before); // no video, no subtitles, no temp file
    await screenshot(page, 'export-mp4-cancelled-1440x900');
  });
});
