import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { escapeXml, exportFcpxml } from '../../../../electron/services/export/fcpxml';
import { fcpxmlOptions } from '../../../../electron/services/export/production-options';
import { defaultExportSettings } from '../../../../shared/domain/project-edit';
import { productionSettings } from '../../../../shared/domain/production-settings';
import { cli, makeProject, snapshotTree } from '../../cli/cli-kit';
import { outPath, productionProject, type ProductionFixture } from './production-kit';

let fixture: ProductionFixture;
beforeAll(async () => {
  fixture = await productionProject(4, '1,2,4');
});
afterAll(() => fixture.cleanup());

/** The parts of @xmldom/xmldom used here. Its own typings pull the DOM library into the whole
 * Node type-check (changing how other modules' types resolve), so the module is typed locally. */
interface XmlElement {
  tagName: string;
  nodeType: number;
  childNodes: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}
interface XmlDocument {
  documentElement: XmlElement;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}
type XmlParser = new (options: { errorHandler: { error: (message: string) => void; fatalError: (message: string) => void } }) => { parseFromString(text: string, type: string): XmlDocument };
const xmldom = '@xmldom/xmldom';
const { DOMParser } = (await import(xmldom)) as { DOMParser: XmlParser };

const fail = (message: string) => {
  throw new Error(`The timeline is not well-formed XML: ${message}`);
};

/** "36/24s" -> 1.5 */
const seconds = (value: string | null): number => {
  const match = /^(\d+)(?:\/(\d+))?s$/.exec(value ?? '');
  if (!match) throw new Error(`not an FCPXML time: ${value}`);
  return Number(match[1]) / Number(match[2] ?? 1);
};

describe('FCPXML timeline', () => {
  it('places each panel for its duration, references a folder of stills, keeps a gap for a panel without an image', async () => {
    const file = outPath(fixture, 'cut.fcpxml');
    const result = await cli(['export', fixture.project, '--format', 'fcpxml', '--out', file, '--fps', '25']);
    expect(result.code).toBe(0);
    const xml = await readFile(file, 'utf8');
    const doc = new DOMParser({ errorHandler: { error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml');
    const all = (name: string) => Array.from(doc.getElementsByTagName(name));
    expect(doc.documentElement.getAttribute('version')).toBe('1.10');
    const assets = all('asset');
    expect(assets).toHaveLength(3);
    const sequence = all('sequence')[0];
    // durations 1 + 1.5 + 2 + 2.5 seconds
    expect(seconds(sequence?.getAttribute('duration') ?? null)).toBe(7);
    const clips = Array.from(all('spine')[0]?.childNodes ?? []).filter((node) => node.nodeType === 1);
    expect(clips.map((clip) => clip.tagName)).toEqual(['video', 'video', 'gap', 'video']);
    // each cut within one frame (1/25 s) of the running time; together they fill the sequence
    const durations = clips.map((clip) => seconds(clip.getAttribute('duration')));
    [1, 1.5, 2, 2.5].forEach((expected, index) => expect(Math.abs((durations[index] ?? 0) - expected)).toBeLessThanOrEqual(1 / 25));
    expect(durations.reduce((a, b) => a + b, 0)).toBe(7);
    const offsets = clips.map((clip) => seconds(clip.getAttribute('offset')));
    [0, 1, 2.5, 4.5].forEach((expected, index) => expect(Math.abs((offsets[index] ?? 0) - expected)).toBeLessThanOrEqual(1 / 25));
    expect(clips[0]?.getElementsByTagName('marker')[0]?.getAttribute('value')).toBe('Line 1: “Ça va, Mara?” — she nods');
    expect(all('format')[0]?.getAttribute('frameDuration')).toBe('1/25s');
    const sources = assets.map((asset) => asset.getElementsByTagName('media-rep')[0]?.getAttribute('src') ?? '');
    // relative to the .fcpxml, so both can be moved together
    expect(sources.every((src) => src.startsWith('./cut-panels/'))).toBe(true);
    const folder = path.join(fixture.dir, 'cut-panels');
    expect((await readdir(folder)).sort()).toEqual(sources.map((src) => path.basename(src)).sort());
  });

  it('describes its formats as Final Cut Pro reads them: 1080p by name, any other frame by its size, each still timeless at its own size', async () => {
    const defaults = productionSettings(defaultExportSettings()).fcpxml;
    const formatsOf = async (aspect: string, name: string) => {
      const file = outPath(fixture, name);
      await exportFcpxml(fixture.input, fcpxmlOptions(defaults, aspect), file);
      const doc = new DOMParser({ errorHandler: { error: fail, fatalError: fail } }).parseFromString(await readFile(file, 'utf8'), 'text/xml');
      const formats = new Map(Array.from(doc.getElementsByTagName('format')).map((format) => [format.getAttribute('id'), format]));
      const attributes = (id: string | null) => ['name', 'frameDuration', 'width', 'height'].map((key) => formats.get(id)?.getAttribute(key) || null) // xmldom answers '' for an absent attribute;
      const sequence = attributes(doc.getElementsByTagName('sequence')[0]?.getAttribute('format') ?? null);
      const stills = Array.from(doc.getElementsByTagName('asset')).map((asset) => ({ src: asset.getElementsByTagName('media-rep')[0]?.getAttribute('src') ?? '', format: attributes(asset.getAttribute('format')) }));
      return { file, sequence, stills };
    };
    const wide = await formatsOf('16:9', 'wide.fcpxml');
    expect(wide.sequence).toEqual(['FFVideoFormat1080p24', '1/24s', '1920', '1080']);
    // A predefined name would override the size: a 9:16 board named "1080p24" opened as 16:9.
    const tall = await formatsOf('9:16', 'tall.fcpxml');
    expect(tall.sequence).toEqual([null, '1/24s', '608', '1080']);
    for (const { file, stills } of [wide, tall]) {
      expect(stills).toHaveLength(3);
      for (const still of stills) {
        const { width, height } = await sharp(fileURLToPath(new URL(still.src, pathToFileURL(file)))).metadata();
        expect(still.format).toEqual(['FFVideoFormatRateUndefined', null, String(width), String(height)]);
      }
    }
  });
});

/** The stills a timeline names, resolved against where the .fcpxml is. */
async function stillsOf(file: string): Promise<string[]> {
  const xml = await readFile(file, 'utf8');
  return [...xml.matchAll(/<media-rep kind="original-media" src="([^"]+)"/g)].map((match) => fileURLToPath(new URL(match[1]?.replace(/&apos;/g, "'").replace(/&amp;/g, '&') ?? '', pathToFileURL(file))));
}

describe('FCPXML stills', () => {
  it('names each clip by its number and scene on one line (at most 120 whole characters), and a panel without a scene by its number alone', async () => {
    const project = await makeProject(fixture.dir, [], 'names');
    expect((await cli(['panel', 'add', project, '--scene', 'Mara runs\n  to the pier'])).code).toBe(0);
    expect((await cli(['panel', 'add', project, '--image', path.join(fixture.dir, 'names-ref.png')])).code).toBe(0); // an image, no scene
    // A long scene: the name keeps its first 120 user-perceived characters, never half an emoji
    // (a skin-tone hand, a family, a flag) or a letter without its combining accent (e + U+0301).
    const long = 'Mara waves 👋🏽 to the family 👩‍👩‍👧 under the flag 🇫🇷, cafe\u0301 in hand. '.repeat(6).trim();
    expect((await cli(['panel', 'add', project, '--scene', long])).code).toBe(0);
    const characters = Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(`3 ${long}`), (part) => part.segment);
    const file = outPath(fixture, 'names.fcpxml');
    expect((await cli(['export', project, '--format', 'fcpxml', '--out', file])).code).toBe(0);
    const doc = new DOMParser({ errorHandler: { error: fail, fatalError: fail } }).parseFromString(await readFile(file, 'utf8'), 'text/xml');
    const names = (tag: string) => Array.from(doc.getElementsByTagName(tag), (clip) => clip.getAttribute('name'));
    expect(names('gap')).toEqual(['1 Mara runs to the pier', characters.slice(0, 120).join('')]);
    expect(names('video')).toEqual(['2']);
  });

  it("keeps multi-line dialogue's line breaks in attribute values (raw, a parser folds them into spaces)", () => {
    const dialogue = 'MARA: Wait.\nIVO:\tNo. Not here.\r\nMARA: Then where?';
    const doc = new DOMParser({ errorHandler: { error: fail, fatalError: fail } }).parseFromString(`<marker value="${escapeXml(dialogue)}"/>`, 'text/xml');
    expect(doc.documentElement.getAttribute('value')).toBe('MARA: Wait.\nIVO:\tNo. Not here.\nMARA: Then where?');
  });

  it('still link when the timeline and its folder are moved together, whatever the file name', async () => {
    const made = path.join(fixture.dir, 'made here');
    await mkdir(made);
    const file = path.join(made, "Cut n°2 'été' & co.fcpxml");
    await exportFcpxml(fixture.input, { fps: 24, width: 1920, height: 1080 }, file);
    const moved = path.join(fixture.dir, 'sent elsewhere');
    await cp(made, moved, { recursive: true });
    const stills = await stillsOf(path.join(moved, path.basename(file)));
    expect(stills).toHaveLength(3);
    for (const still of stills) {
      expect(path.dirname(still)).toBe(path.join(moved, "Cut n°2 'été' & co-panels"));
      expect((await readFile(still)).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('leaves no stills folder behind when the timeline cannot be written or the export is cancelled', async () => {
    const dir = path.join(fixture.dir, 'failing');
    await mkdir(dir);
    // A folder where the .fcpxml should go: the stills are written, then the timeline's rename fails.
    await mkdir(path.join(dir, 'blocked.fcpxml'));
    await expect(exportFcpxml(fixture.input, { fps: 24, width: 1920, height: 1080 }, path.join(dir, 'blocked.fcpxml'), { overwrite: true })).rejects.toMatchObject({ code: 'EXPORT_WRITE_FAILED' });
    const controller = new AbortController();
    const cancelled = exportFcpxml(fixture.input, { fps: 24, width: 1920, height: 1080 }, path.join(dir, 'cancelled.fcpxml'), { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await readdir(dir)).toEqual(['blocked.fcpxml']);
    // A folder already named like the stills folder is never written into, nor removed: the
    // export's own folder (kept-panels-2) is the one removed.
    await mkdir(path.join(dir, 'kept-panels'));
    await writeFile(path.join(dir, 'kept-panels', 'notes.txt'), 'mine');
    await mkdir(path.join(dir, 'kept.fcpxml'));
    await expect(exportFcpxml(fixture.input, { fps: 24, width: 1920, height: 1080 }, path.join(dir, 'kept.fcpxml'), { overwrite: true })).rejects.toMatchObject({ code: 'EXPORT_WRITE_FAILED' });
    expect(await readdir(path.join(dir, 'kept-panels'))).toEqual(['notes.txt']);
    expect((await readdir(dir)).sort()).toEqual(['blocked.fcpxml', 'kept-panels', 'kept.fcpxml']);
  });

  it('never writes into a folder that was already there (e.g. a panel-images export named <name>-panels): uses <name>-panels-2 and references it', async () => {
    const dir = path.join(fixture.dir, 'collide');
    await mkdir(dir);
    const panelsFolder = path.join(dir, 'cut-panels');
    await mkdir(panelsFolder);
    expect((await cli(['export', fixture.project, '--format', 'panels', '--out', panelsFolder, '--panels', '1'])).code).toBe(0);
    await writeFile(path.join(panelsFolder, 'notes.txt'), 'mine');
    const before = await snapshotTree(panelsFolder);

    const file = path.join(dir, 'cut.fcpxml');
    const result = await cli(['export', fixture.project, '--format', 'fcpxml', '--out', file, '--overwrite']);
    expect(result.code).toBe(0);
    expect(await snapshotTree(panelsFolder)).toEqual(before); // nothing replaced, nothing added
    const stills = await stillsOf(file);
    expect(stills).toHaveLength(3);
    expect(stills.every((still) => path.dirname(still) === path.join(dir, 'cut-panels-2'))).toBe(true);
    expect((await readdir(path.join(dir, 'cut-panels-2'))).sort()).toEqual(stills.map((still) => path.basename(still)).sort());
    expect(result.stdout).toContain(path.join(dir, 'cut-panels-2', path.basename(stills[0] ?? '')));

    // A file holding the name is passed over the same way.
    await writeFile(path.join(dir, 'take-panels'), 'not a folder');
    const second = await exportFcpxml(fixture.input, { fps: 24, width: 1920, height: 1080 }, path.join(dir, 'take.fcpxml'));
    expect(second.folder).toBe(path.join(dir, 'take-panels-2'));
    expect(await readFile(path.join(dir, 'take-panels'), 'utf8')).toBe('not a folder');
  });
});
