/** The export channels on a real project with generated takes: preview, contact sheet, panel PNGs. */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { defaultExportSettings } from '../../../shared/domain/project-edit';
import { productionSettings } from '../../../shared/domain/production-settings';
import { gatewayWith, rig, settled, storyboard, tempDir } from './support/app-rig';

describe('export channels', () => {
  it('previews, exports the sheet where the artist chose, and writes each take as a PNG', async () => {
    const r = rig(await gatewayWith());
    const { project } = await storyboard(r, await tempDir(), 3);
    const ids = project.panels.map((panel) => panel.id);
    await r.call('jobs:generate', { panelIds: ids.slice(0, 2), variations: 1 });
    await settled(r);
    const settings = { ...defaultExportSettings(), columns: 3 };

    const preview = (await r.call('export:preview', { settings, selectedPanelIds: [], maxWidth: 400 })) as { pngBase64: string };
    const previewInfo = await sharp(Buffer.from(preview.pngBase64, 'base64')).metadata();
    expect(previewInfo.format).toBe('png');
    expect(previewInfo.width).toBeLessThanOrEqual(400);

    const out = await tempDir();
    r.dialogs.script('chooseSavePath', path.join(out, 'sheet.png'));
    const sheet = (await r.call('export:contactSheet', { settings, selectedPanelIds: [] })) as { files: string[]; pages: number; withoutImage: number[]; missingImages: number[] };
    expect(sheet).toMatchObject({ files: [path.join(out, 'sheet.png')], withoutImage: [3], missingImages: [] }); // panel 3 was never generated
    expect((await sharp(sheet.files[0]).metadata()).width).toBeGreaterThan(3 * 300);
    expect(r.events.some((event) => event.event === 'export:progress')).toBe(true);

    const folder = await tempDir();
    r.dialogs.script('chooseFolder', folder);
    const panels = (await r.call('export:panelImages', { selectedPanelIds: [], selectedOnly: false })) as { files: string[]; withoutImage: number[] };
    expect(panels.withoutImage).toEqual([3]);
    expect((await readdir(folder)).sort()).toEqual(['001-mara-crosses-the-market-beat-1.png', '002-mara-crosses-the-market-beat-2.png']);
  });

  it('exports the panel images into a folder the dialog named but that does not exist yet (typed in it)', async () => {
    const r = rig(await gatewayWith());
    const { project } = await storyboard(r, await tempDir(), 2);
    await r.call('jobs:generate', { panelIds: project.panels.map((panel) => panel.id), variations: 1 });
    await settled(r);
    const folder = path.join(await tempDir(), 'delivery', 'panels');
    r.dialogs.script('chooseFolder', folder);
    const answer = (await r.call('export:panelImages', { selectedPanelIds: [], selectedOnly: false })) as { files: string[] };
    expect(answer.files.map((file) => path.dirname(file))).toEqual([folder, folder]);
    expect((await readdir(folder)).sort()).toEqual(['001-mara-crosses-the-market-beat-1.png', '002-mara-crosses-the-market-beat-2.png']);
  });

  it('writes nothing when the artist cancels, and explains an empty selection', async () => {
    const r = rig(await gatewayWith());
    await storyboard(r, await tempDir(), 1);
    const settings = defaultExportSettings();
    expect(await r.call('export:contactSheet', { settings, selectedPanelIds: [] })).toBeNull();
    const folder = await tempDir();
    r.dialogs.script('chooseFolder', folder);
    await expect(r.call('export:panelImages', { selectedPanelIds: [], selectedOnly: true })).rejects.toMatchObject({ code: 'EXPORT_EMPTY' });
    expect(await readdir(folder)).toEqual([]);
  });

  it('writes the production formats where the artist chose, and nothing when the selection is empty', async () => {
    const r = rig(await gatewayWith());
    const { project } = await storyboard(r, await tempDir(), 3);
    await r.call('jobs:generate', { panelIds: project.panels.slice(0, 2).map((panel) => panel.id), variations: 1 });
    await settled(r);
    const out = await tempDir();
    const settings = productionSettings(defaultExportSettings());
    r.dialogs.script('chooseSavePath', path.join(out, 'board.pdf'));
    const pdf = (await r.call('export:production', { format: 'pdf', settings, selectedPanelIds: [], selectedOnly: false })) as { files: string[]; withoutImage: number[] };
    expect(pdf).toEqual({ files: [path.join(out, 'board.pdf')], withoutImage: [3], missingImages: [] });
    expect((await readFile(pdf.files[0] ?? '')).subarray(0, 5).toString()).toBe('%PDF-');
    r.dialogs.script('chooseSavePath', path.join(out, 'shots.csv'));
    const csv = (await r.call('export:production', { format: 'csv', settings, selectedPanelIds: [project.panels[1]?.id ?? ''], selectedOnly: true })) as { files: string[] };
    expect((await readFile(csv.files[0] ?? '', 'utf8')).split('\r\n').filter(Boolean)).toHaveLength(2);
    await expect(r.call('export:production', { format: 'gif', settings, selectedPanelIds: [], selectedOnly: true })).rejects.toMatchObject({ code: 'EXPORT_EMPTY' });
    expect((await readdir(out)).sort()).toEqual(['board.pdf', 'shots.csv']);
  });

  it('writes the panel images under the names the shot list gives them, and names a deleted take image in every answer', async () => {
    const r = rig(await gatewayWith());
    const { root, project } = await storyboard(r, await tempDir(), 4);
    await r.call('jobs:generate', { panelIds: project.panels.slice(0, 3).map((panel) => panel.id), variations: 1 });
    await settled(r);
    const settings = productionSettings(defaultExportSettings());
    const out = await tempDir();
    /** The shot list's "Image file" column, from a CSV the app wrote. */
    const csvImageFiles = async (name: string) => {
      r.dialogs.script('chooseSavePath', path.join(out, name));
      const csv = (await r.call('export:production', { format: 'csv', settings, selectedPanelIds: [], selectedOnly: false })) as { files: string[]; missingImages: number[] };
      const rows = (await readFile(csv.files[0] ?? '', 'utf8')).split('\r\n').filter(Boolean).slice(1);
      return { answer: csv, names: rows.map((row) => JSON.parse(`[${row}]`) as string[]).map((cells) => cells[11]) };
    };
    const panelImages = async () => {
      const folder = await tempDir();
      r.dialogs.script('chooseFolder', folder);
      const answer = (await r.call('export:panelImages', { selectedPanelIds: [], selectedOnly: false })) as { files: string[]; withoutImage: number[]; missingImages: number[] };
      return { answer, names: (await readdir(folder)).sort() };
    };

    const listed = await csvImageFiles('shots.csv');
    const written = await panelImages();
    expect(listed.names).toEqual(['001-mara-crosses-the-market-beat-1.png', '002-mara-crosses-the-market-beat-2.png', '003-mara-crosses-the-market-beat-3.png', '']);
    expect(written.names).toEqual(listed.names.filter(Boolean));
    expect(written.answer).toMatchObject({ withoutImage: [4], missingImages: [] });

    // The artist (or a sync tool) deletes panel 2's take from images/.
    const take = r.services.workspace.project().panels[1]?.takes[0]?.image ?? '';
    await rm(path.join(root, take));
    const afterCsv = await csvImageFiles('shots-after.csv');
    const afterPanels = await panelImages();
    expect(afterCsv.answer.missingImages).toEqual([2]);
    expect(afterCsv.names).toEqual(['001-mara-crosses-the-market-beat-1.png', '', '003-mara-crosses-the-market-beat-3.png', '']);
    expect(afterPanels.answer).toMatchObject({ withoutImage: [4], missingImages: [2] });
    expect(afterPanels.names).toEqual(afterCsv.names.filter(Boolean));
    for (const [format, name] of [['pdf', 'board.pdf'], ['fcpxml', 'cut.fcpxml'], ['gif', 'cut.gif']] as const) {
      r.dialogs.script('chooseSavePath', path.join(out, name));
      expect(await r.call('export:production', { format, settings, selectedPanelIds: [], selectedOnly: false })).toMatchObject({ withoutImage: [4], missingImages: [2] });
    }
  });
});
