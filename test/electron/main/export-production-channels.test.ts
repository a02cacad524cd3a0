/**
 * The production export channels on a project made through the app's own channels, with takes from
 * the fake gateway: the options the dialog sends change what is written and what the preview
 * shows, and export:cancel stops a running export with nothing left where the artist chose.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { defaultExportSettings } from '../../../shared/domain/project-edit';
import type { ProductionSettings } from '../../../shared/domain/project-export';
import { productionSettings } from '../../../shared/domain/production-settings';
import type { Project } from '../../../shared/domain/project';
import { gifMetadata } from '../services/export/gif-reader';
import { gatewayWith, rig, settled, storyboard, tempDir, type Rig } from './support/app-rig';

type Preview = { image: { pngBase64: string; width: number; height: number } | null; table: { columns: string[]; rows: string[][] } | null; panels: number; pages: number | null; seconds: number | null; frame: { width: number; height: number } | null; files: number };

/** `count` panels, the first `generated` with a take, each held `seconds`. */
async function board(count: number, generated: number, seconds: number): Promise<{ r: Rig; project: Project }> {
  const r = rig(await gatewayWith());
  const { root, project } = await storyboard(r, await tempDir(), count);
  const timed = { ...project, panels: project.panels.map((panel) => ({ ...panel, durationSeconds: seconds, dialogue: `Line of ${panel.id}` })) };
  await r.call('project:update', { project: timed, root });
  await r.call('jobs:generate', { panelIds: timed.panels.slice(0, generated).map((panel) => panel.id), variations: 1 });
  await settled(r);
  return { r, project: timed };
}

const preview = (r: Rig, format: string, settings: ProductionSettings, maxWidth = 400) =>
  r.call('export:productionPreview', { format, settings, selectedPanelIds: [], selectedOnly: false, maxWidth }) as Promise<Preview>;

describe('production export channels', () => {
  it('previews and writes each format with the options the dialog sends', async () => {
    const { r } = await board(3, 2, 2);
    const defaults = productionSettings(defaultExportSettings());
    const settings: ProductionSettings = { ...defaults, gif: { width: 320 }, pdf: { ...defaults.pdf, perPage: 2, layout: 'grid' }, mp4: { ...defaults.mp4, size: '1920x1080', fps: 30, srt: false } };

    const pdf = await preview(r, 'pdf', settings);
    expect(pdf.pages).toBe(2); // 3 panels, 2 a page
    const page = await sharp(Buffer.from(pdf.image?.pngBase64 ?? '', 'base64')).metadata();
    expect(page).toMatchObject({ format: 'png', width: 400 });
    expect(page.height).toBeLessThan(400); // A4 landscape by default
    expect((await preview(r, 'pdf', { ...settings, pdf: { ...settings.pdf, orientation: 'portrait' } })).image?.height).toBeGreaterThan(400);

    const mp4 = await preview(r, 'mp4', settings);
    expect(mp4).toMatchObject({ frame: { width: 1920, height: 1080 }, seconds: 6, panels: 3, files: 1, image: { width: 400, height: 225 } });
    expect((await preview(r, 'mp4', { ...settings, mp4: { ...settings.mp4, srt: true } })).files).toBe(2);
    expect(await preview(r, 'gif', settings)).toMatchObject({ frame: { width: 320, height: 180 }, seconds: 6, image: { width: 320 } });
    expect(await preview(r, 'fcpxml', settings)).toMatchObject({ image: null, files: 3, frame: { width: 1920, height: 1080 } });
    const csv = await preview(r, 'csv', settings);
    expect(csv.table?.columns[0]).toBe('Number');
    expect(csv.table?.rows.map((row) => row[0])).toEqual(['1', '2', '3']);

    const out = await tempDir();
    r.dialogs.script('chooseSavePath', path.join(out, 'loop.gif'));
    await r.call('export:production', { format: 'gif', settings, selectedPanelIds: [], selectedOnly: false });
    expect(await gifMetadata(path.join(out, 'loop.gif'))).toMatchObject({ width: 320, pageHeight: 180, pages: 3, delay: [2000, 2000, 2000] });
  });

  it('suggests export file names that every system accepts, beside the project, whatever the title', async () => {
    const { r, project } = await board(1, 1, 1);
    const root = r.services.workspace.root() ?? '';
    await r.call('project:update', { project: { ...project, title: 'Ep. 1: Café / 日本語 <draft>?' }, root });
    const suggested: string[] = [];
    r.dialogs.chooseSavePath = async (options) => {
      suggested.push(options.defaultPath ?? '');
      return null; // the artist cancels: only the suggestion matters here
    };
    await r.call('export:production', { format: 'pdf', settings: productionSettings(defaultExportSettings()), selectedPanelIds: [], selectedOnly: false });
    await r.call('export:contactSheet', { settings: defaultExportSettings(), selectedPanelIds: [] });
    // A "/" in the title made a sub-folder that does not exist, ":" "?" "<" ">" are refused by Windows.
    expect(suggested.map((file) => path.dirname(file))).toEqual([path.dirname(root), path.dirname(root)]);
    expect(suggested.map((file) => path.basename(file))).toEqual(['Ep. 1- Café - 日本語 -draft--.pdf', 'Ep. 1- Café - 日本語 -draft-- contact sheet.png']);
  });

  it('cancels a running MP4 export: a CANCELLED error, no file left, nothing running afterwards', async () => {
    const { r } = await board(4, 4, 20);
    const settings = productionSettings(defaultExportSettings());
    const slow: ProductionSettings = { ...settings, mp4: { ...settings.mp4, size: '1920x1080', fps: 30, crossfade: true } };
    const out = await tempDir();
    r.dialogs.script('chooseSavePath', path.join(out, 'animatic.mp4'));
    const running = r.call('export:production', { format: 'mp4', settings: slow, selectedPanelIds: [], selectedOnly: false });
    running.catch(() => undefined); // awaited below
    await expect.poll(() => r.events.some((event) => event.event === 'export:progress'), { timeout: 20_000 }).toBe(true);
    expect(await r.call('export:cancel', {})).toEqual({ cancelled: true });
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED', message: 'Export cancelled. Nothing was written.' });
    expect(await readdir(out)).toEqual([]);
    expect(await r.call('export:cancel', {})).toEqual({ cancelled: false });
  });

  it('a cancel while the save dialog is still open stops the export before anything is written (production and contact sheet)', async () => {
    const { r } = await board(2, 2, 1);
    const out = await tempDir();
    const settings = productionSettings(defaultExportSettings());
    const calls: Array<[string, unknown, string]> = [
      ['export:production', { format: 'csv', settings, selectedPanelIds: [], selectedOnly: false }, 'shots.csv'],
      ['export:contactSheet', { settings: defaultExportSettings(), selectedPanelIds: [] }, 'sheet.png'],
    ];
    for (const [channel, payload, name] of calls) {
      let choose: ((file: string) => void) | undefined;
      r.dialogs.chooseSavePath = () => new Promise<string>((resolve) => (choose = resolve));
      const running = r.call(channel, payload);
      running.catch(() => undefined); // awaited below
      await expect.poll(() => choose !== undefined).toBe(true);
      expect(await r.call('export:cancel', {})).toEqual({ cancelled: true });
      choose?.(path.join(out, name));
      await expect(running, channel).rejects.toMatchObject({ code: 'CANCELLED' });
    }
    expect(await readdir(out)).toEqual([]);
  });
});
