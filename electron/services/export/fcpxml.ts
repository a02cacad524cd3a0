/**
 * The editor's timeline: FCPXML 1.10 for Final Cut Pro and DaVinci Resolve. The panel images go
 * into a new folder beside the .fcpxml (`<name>-panels/007-scene.png`, see slug-panels.ts) and the
 * timeline places each as a still for its duration, with the dialogue as a marker. The folder is
 * always one this export creates: when `<name>-panels` already exists (a panel-images export, an
 * earlier timeline, anything), `<name>-panels-2` (-3...) is used and referenced, so nothing in a
 * folder that was there is replaced or mixed with the new stills. The one exception: exporting
 * over an earlier timeline (overwrite confirmed) whose stills folder it provably owns replaces
 * that folder whole, by a swap that never leaves the old export broken (fcpxml-reexport.ts), so
 * re-exports do not pile up `-2`, `-3` folders.
 * Invariants: every time is a whole number of frames at the chosen rate (editors refuse times off
 * the frame grid), cut from the running time so the sequence lasts the sum of the panel durations
 * to within one frame; a panel without an image is a gap of its duration, so the cut keeps its
 * timing, and so is a panel whose image file cannot be read (named in the result, like the contact
 * sheet's missingImages); all text is XML-escaped. Formats follow Apple's FCPXML reference: the
 * sequence names a predefined format (FFVideoFormat1080p24...) only when it is one (1920x1080),
 * else it is a custom format described by its attributes alone (a 9:16 board named "1080p24"
 * would open as a 16:9 project); each still gets a timeless format of its own pixel size
 * (FFVideoFormatRateUndefined, no frame duration), as Final Cut Pro itself exports stills.
 * The stills are referenced by URLs relative to the .fcpxml (`./<name>-panels/007-scene.png`),
 * which Apple's FCPXML reference allows ("an absolute file URL ... or a relative URL based on the
 * location of the FCPXML document itself"): the timeline and its folder can be moved or sent
 * together without relinking. If the export fails or is cancelled after the stills were written,
 * the stills folder (this export's own, or the temp folder of a re-export) is removed (nothing
 * half-made is left behind).
 */
import path from 'node:path';
import sharp from '../image-safety/sharp-gate';
import { CastboardError } from '../../../shared/errors';
import { firstGraphemes } from '../../../shared/graphemes';
import { createTempFolderBeside, ownedStillsFolder, replaceTimelineAndStills } from './fcpxml-reexport';
import type { ImageReport } from './image-problems';
import { assertExtension, assertNoConflicts, assertWritableFolder, createFreshFolder, removeCreatedFolder, writeOutputFile } from './output-files';
import { cutFrames, panelSlugFileName, type ProductionInput, type ProductionPanel } from './production-input';
import { exportSlugPanels } from './slug-panels';

export interface FcpxmlOptions {
  fps: 24 | 25 | 30;
  width: number;
  height: number;
}

export interface FcpxmlRunOptions {
  overwrite?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

/**
 * Text for an attribute value. Line breaks and tabs become character references: written raw, an
 * XML parser folds them into spaces, and multi-line dialogue would reach the editor on one line.
 */
export const escapeXml = (text: string): string =>
  text
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '') // eslint-disable-line no-control-regex
    .replace(/\r\n?|\n/g, '&#10;')
    .replace(/\t/g, '&#9;');

const time = (frames: number, fps: number) => (frames === 0 ? '0s' : `${frames}/${fps}s`);

function clip(panel: ProductionPanel, assetId: string | null, offset: number, frames: number, fps: number): string {
  // One line in the editor's browser: the scene's line breaks and runs of spaces fold into one
  // space, and a panel without a scene is named by its number alone (no trailing space). The name
  // is cut between user-perceived characters, so a long scene never ends in half an emoji.
  const scene = panel.scene.replace(/\s+/g, ' ').trim();
  const name = escapeXml(firstGraphemes(scene ? `${panel.number} ${scene}` : String(panel.number), 120));
  const marker = panel.dialogue.trim() ? `\n          <marker start="0s" duration="${time(1, fps)}" value="${escapeXml(panel.dialogue.trim())}"/>` : '';
  const attributes = `name="${name}" offset="${time(offset, fps)}" duration="${time(frames, fps)}"`;
  return assetId
    ? `        <video ref="${assetId}" ${attributes} start="0s">${marker}\n        </video>`
    : `        <gap ${attributes} start="0s">${marker}\n        </gap>`;
}

/** `./folder/file.png` with each segment percent-encoded (a relative URL, RFC 3986). */
export function relativeStillUrl(folderName: string, fileName: string): string {
  return `./${encodeURIComponent(folderName)}/${encodeURIComponent(fileName)}`;
}

/** A still as the timeline references it: its URL relative to the document and its pixel size. */
export interface TimelineStill {
  url: string;
  width: number;
  height: number;
}

/** The sequence's format: a predefined one by name when it is one, else described by its attributes. */
function sequenceFormat(options: FcpxmlOptions): string {
  const { fps, width, height } = options;
  const name = width === 1920 && height === 1080 ? ` name="FFVideoFormat1080p${fps}"` : '';
  return `<format id="r1"${name} frameDuration="${time(1, fps)}" width="${width}" height="${height}"/>`;
}

/** The FCPXML document for `panels`; `still(panel)` is its still (null: a gap). */
export function fcpxmlDocument(title: string, panels: readonly ProductionPanel[], still: (panel: ProductionPanel) => TimelineStill | null, options: FcpxmlOptions): string {
  const { fps } = options;
  const resources: string[] = [];
  const spine: string[] = [];
  const cuts = cutFrames(panels, fps);
  const stillFormats = new Map<string, string>(); // "WxH" -> format id, one per size
  const nextId = () => `r${resources.length + 2}`;
  for (const [index, panel] of panels.entries()) {
    const offset = cuts[index] ?? 0;
    const found = still(panel);
    let assetId: string | null = null;
    if (found) {
      const size = `${found.width}x${found.height}`;
      let formatId = stillFormats.get(size);
      if (!formatId) {
        formatId = nextId();
        stillFormats.set(size, formatId);
        resources.push(`    <format id="${formatId}" name="FFVideoFormatRateUndefined" width="${found.width}" height="${found.height}"/>`);
      }
      assetId = nextId();
      const name = decodeURIComponent(found.url.slice(found.url.lastIndexOf('/') + 1));
      resources.push(`    <asset id="${assetId}" name="${escapeXml(name)}" start="0s" duration="0s" hasVideo="1" format="${formatId}" videoSources="1">\n      <media-rep kind="original-media" src="${escapeXml(found.url)}"/>\n    </asset>`);
    }
    spine.push(clip(panel, assetId, offset, (cuts[index + 1] ?? offset) - offset, fps));
  }
  const name = escapeXml(title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE fcpxml>
<fcpxml version="1.10">
  <resources>
    ${sequenceFormat(options)}
${resources.join('\n')}
  </resources>
  <library>
    <event name="${name}">
      <project name="${name}">
        <sequence format="r1" duration="${time(cuts.at(-1) ?? 0, fps)}" tcStart="0s" tcFormat="NDF">
          <spine>
${spine.join('\n')}
          </spine>
        </sequence>
      </project>
    </event>
  </library>
</fcpxml>
`;
}

/** The pixel size of each written still, by file name (read from the PNG headers). */
async function stillSizes(files: readonly string[]): Promise<Map<string, { width: number; height: number }>> {
  const sizes = await Promise.all(files.map(async (file) => {
    const { width, height } = await sharp(file).metadata();
    return [path.basename(file), { width, height }] as const;
  }));
  return new Map(sizes);
}

/** A timeline needs at least one still (EXPORT_EMPTY otherwise). */
export function assertHasStills(input: Pick<ProductionInput, 'panels'>): void {
  if (!input.panels.some((panel) => panel.imagePath !== null)) {
    throw new CastboardError('EXPORT_EMPTY', 'None of these panels has an image yet, so there is no timeline to make. Generate the panels first.');
  }
}

/**
 * Writes `<out>.fcpxml` and a new folder `<out>-panels/` (or `-panels-2`...) of the stills it
 * references; over an earlier timeline (overwrite) that owns its stills folder, replaces both.
 */
export async function exportFcpxml(input: ProductionInput, options: FcpxmlOptions, outPath: string, run: FcpxmlRunOptions = {}): Promise<{ file: string; folder: string; stills: string[] } & ImageReport> {
  const target = path.resolve(outPath);
  const overwrite = run.overwrite ?? false;
  assertExtension(target, '.fcpxml', 'The timeline');
  assertHasStills(input);
  await assertWritableFolder(path.dirname(target));
  await assertNoConflicts([target], overwrite);
  const owned = overwrite ? await ownedStillsFolder(target) : null;
  const folder = owned ?? (await createFreshFolder(target.replace(/\.fcpxml$/i, '-panels')));
  // A re-export writes beside the folder it replaces; a new export writes into its new folder.
  const writeDir = owned ? await createTempFolderBeside(owned) : folder;
  try {
    const stills = await exportSlugPanels(input, writeDir, run);
    const written = await stillSizes(stills.files);
    const still = (panel: ProductionPanel): TimelineStill | null => {
      const size = written.get(panelSlugFileName(panel));
      return size ? { url: relativeStillUrl(path.basename(folder), panelSlugFileName(panel)), ...size } : null;
    };
    const bytes = Buffer.from(fcpxmlDocument(input.title, input.panels, still, options), 'utf8');
    const file = owned ? await replaceTimelineAndStills(target, bytes, writeDir, owned) : await writeOutputFile(target, bytes, overwrite);
    const files = stills.files.map((still) => path.join(folder, path.basename(still)));
    return { file, folder, stills: files, missingImages: stills.missingImages, imageProblems: stills.imageProblems };
  } catch (error) {
    await removeCreatedFolder(writeDir); // always this export's own (createFreshFolder)
    throw error;
  }
}
