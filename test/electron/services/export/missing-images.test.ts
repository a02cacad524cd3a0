/**
 * A take whose image file was deleted from images/ (a sync tool, a clean-up by hand) is named by
 * every export, the way the contact sheet names it: `missingImages` and a reason naming the file,
 * apart from `withoutImage` (no take at all); the CLI prints both. Built with the app's own
 * commands (production-kit.ts): panels 1, 2 and 4 generated, panel 3 never, then panel 2's image
 * file deleted.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFcpxml } from '../../../../electron/services/export/fcpxml';
import { exportGif } from '../../../../electron/services/export/gif-animatic';
import { exportMp4 } from '../../../../electron/services/export/mp4-animatic';
import { panelFrame } from '../../../../electron/services/export/panel-frames';
import { exportPdfBoard } from '../../../../electron/services/export/pdf-board';
import { exportShotList } from '../../../../electron/services/export/shot-list';
import { exportSlugPanels } from '../../../../electron/services/export/slug-panels';
import { cli } from '../../cli/cli-kit';
import { outPath, productionProject, type ProductionFixture } from './production-kit';

let fixture: ProductionFixture;
let deleted: string;
beforeAll(async () => {
  fixture = await productionProject(4, '1,2,4');
  const images = fixture.input.panels.map((panel) => panel.imagePath);
  deleted = images[1] ?? '';
  // Panel 2's take is its own file (not shared with panels 1 and 4), so only panel 2 loses its image.
  expect(images.filter((image) => image === deleted)).toHaveLength(1);
  await rm(path.join(fixture.project, deleted));
});
afterAll(() => fixture.cleanup());

const deletedName = () => path.basename(deleted);
const reportOf = (result: { missingImages: number[]; imageProblems: { panel: number; message: string }[] }) => ({
  missingImages: result.missingImages,
  problemPanels: result.imageProblems.map((problem) => problem.panel),
  namesTheFile: result.imageProblems.every((problem) => problem.message.includes(deletedName())),
});
const PANEL_2_MISSING = { missingImages: [2], problemPanels: [2], namesTheFile: true };

describe('a deleted take image is reported by every export', () => {
  it('PDF board: panel 2 drawn as "Image missing" and reported apart from panel 3 (no take)', async () => {
    const result = await exportPdfBoard(fixture.input, { page: 'a4', orientation: 'landscape', dpi: 150, layout: 'grid', perPage: 6, aspect: 16 / 9 }, outPath(fixture, 'board.pdf'));
    expect(reportOf(result)).toEqual(PANEL_2_MISSING);
    expect(result.withoutImage).toEqual([3]);
  });

  it('MP4 and GIF animatics: panel 2 is a grey frame and is reported', async () => {
    const mp4 = await exportMp4(fixture.input, { fps: 24, width: 320, height: 180, captions: false, srt: false, crossfadeSeconds: 0 }, outPath(fixture, 'cut.mp4'));
    expect(reportOf(mp4)).toEqual(PANEL_2_MISSING);
    const gif = await exportGif(fixture.input, { width: 160, aspect: 16 / 9 }, outPath(fixture, 'cut.gif'));
    expect(reportOf(gif)).toEqual(PANEL_2_MISSING);
  });

  it('MP4 and GIF animatics: the grey frames say why, "Image missing" (panel 2) apart from "No image yet" (panel 3)', async () => {
    const size = { width: 320, height: 180 };
    const [missing, notYet] = await Promise.all([1, 2].map((index) => panelFrame(fixture.input, fixture.input.panels[index]!, { size })));
    // Light text on the grey: pixels far brighter than the grey (96) in the middle band of the frame.
    const lightPixels = (frame: Buffer) => {
      let count = 0;
      for (let y = 60; y < 120; y += 1) for (let x = 0; x < size.width; x += 1) if ((frame[(y * size.width + x) * 3] ?? 0) > 160) count += 1;
      return count;
    };
    expect(lightPixels(missing!)).toBeGreaterThan(40);
    expect(lightPixels(notYet!)).toBeGreaterThan(40);
    expect(missing!.equals(notYet!)).toBe(false);
  });

  it('FCPXML timeline: panel 2 is a gap, has no still, and is reported', async () => {
    const result = await exportFcpxml(fixture.input, { fps: 24, width: 1280, height: 720 }, outPath(fixture, 'timeline.fcpxml'));
    expect(reportOf(result)).toEqual(PANEL_2_MISSING);
    expect((await readdir(result.folder)).sort()).toEqual(['001-shot-1-on-the-cliff.png', '004-shot-4-on-the-cliff.png']);
    expect(await readFile(result.file, 'utf8')).toMatch(/<gap name="2 Shot 2 on the cliff"/);
  });

  it('shot list CSV: panel 2 names no image file, and is reported', async () => {
    const result = await exportShotList(fixture.input, outPath(fixture, 'shots.csv'));
    expect(reportOf(result)).toEqual(PANEL_2_MISSING);
    const csv = await readFile(result.file, 'utf8');
    expect(csv).toContain('"001-shot-1-on-the-cliff.png"');
    expect(csv).not.toContain('002-shot-2-on-the-cliff.png');
  });

  it('panel images: panel 2 gets no file, and is reported', async () => {
    const folder = outPath(fixture, 'panels');
    await mkdir(folder);
    const result = await exportSlugPanels(fixture.input, folder);
    expect(reportOf(result)).toEqual(PANEL_2_MISSING);
    expect(result.withoutImage).toEqual([3]);
  });

  it('the CLI names the panel and the file for each production format, apart from panels without a take', async () => {
    for (const [format, out, fate] of [
      ['fcpxml', 'cli.fcpxml', 'gaps in the timeline'],
      ['csv', 'cli.csv', 'listed without an image file'],
      ['pdf', 'cli.pdf', 'drawn as "Image missing"'],
    ] as const) {
      const result = await cli(['export', fixture.project, '--format', format, '--out', outPath(fixture, out)]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('Panels without an image yet: 3.');
      expect(result.stderr).toContain(`Image files missing or unreadable (${fate}): panels 2.`);
      expect(result.stderr).toMatch(new RegExp(`panel 2: .*${deletedName()}`));
    }
    await mkdir(outPath(fixture, 'cli-pngs'));
    const json = await cli(['export', fixture.project, '--format', 'panels', '--out', outPath(fixture, 'cli-pngs'), '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ withoutImage: [3], missingImages: [2] });
  });
});
