import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../cli/cli-kit';
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
    const sources = assets.map((asset) => fileURLToPath(asset.getElementsByTagName('media-rep')[0]?.getAttribute('src') ?? ''));
    const folder = path.join(fixture.dir, 'cut-panels');
    expect(sources.map((source) => path.dirname(source))).toEqual([folder, folder, folder]);
    expect((await readdir(folder)).sort()).toEqual(sources.map((source) => path.basename(source)).sort());
  });
});
