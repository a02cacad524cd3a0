/**
 * Per-panel PNG export: one panel's active take, or every active take into a folder at full
 * resolution, each under the file name its caller gives (the project exports name them
 * `007-mara-climbs.png` through slug-panels.ts, the one name the shot list's "Image file" uses).
 * Invariants:
 *  - files are written all-or-nothing (temp files renamed at the end) and existing files are
 *    never replaced without `overwrite`: conflicts stop the export before anything is written;
 *  - a PNG take is copied byte for byte (it was verified when it entered the project); anything
 *    else is re-encoded to PNG;
 *  - panels without an image, or whose file cannot be read, are skipped and reported;
 *  - the folder is created (with its missing parents) when it does not exist yet, and removed
 *    again when the export writes nothing; a file in its place is refused (export-folder.ts);
 *  - bytes come from `readImage` (the project's confined reader for project exports) and anything
 *    that is not a PNG is decoded only through the image gate; the output folder is the artist's
 *    choice (not a project path), written through output-files.ts.
 */
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';
import { decodeImage } from '../image-safety/decode-gate';
import { sniffImageFormat } from '../image-safety/image-format';
import { readStandaloneImage, unreadableReason, type ImageReader } from './image-source';
import { prepareExportFolder, removeCreatedFolders } from './export-folder';
import { imageReport, type ImageReport } from './image-problems';
import { panelsToExport, type ImageProblem } from './input';
import { EXPORT_CONCURRENCY, mapLimit, throwIfAborted } from './map-limit';
import { StagedFiles, assertNoConflicts, assertWritableFolder, writeStaged } from './output-files';

export interface PanelImageSource {
  number: number;
  /** The active take as `readImage` names it, or null when the panel has no image. */
  imagePath: string | null;
  selected?: boolean;
  /** The file name to write (see panelSlugFileName). */
  fileName: string;
}

export interface PanelImagesRunOptions {
  overwrite?: boolean;
  selectedOnly?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
  /** How image bytes are read (default: standalone files). Project exports pass the confined reader. */
  readImage?: ImageReader;
}

/** `missingImages`: panel numbers left out because their image file could not be read. */
export interface PanelImagesResult extends ImageReport {
  /** Absolute paths written, in panel order. */
  files: string[];
  /** Panel numbers left out because they have no image yet. */
  withoutImage: number[];
}

/**
 * PNG bytes of a take: the file itself when it is a PNG, else a lossless re-encode through the
 * gate. Throws when the file cannot be used: the panel gets no PNG (and the shot list, which
 * checks with this, names no file for it).
 */
export async function pngBytes(imagePath: string, readImage: ImageReader): Promise<Buffer> {
  const bytes = await readImage(imagePath);
  if (sniffImageFormat(bytes) === 'png') return bytes;
  return decodeImage(bytes, { failOn: 'error' }).png().toBuffer();
}

function assertUniqueNumbers(panels: readonly PanelImageSource[]): void {
  const seen = new Set<number>();
  for (const { number } of panels) {
    if (!Number.isInteger(number) || number < 0) throw new CastboardError('EXPORT_INVALID_OPTIONS', `Panel number ${number} cannot be used in a file name.`);
    if (seen.has(number)) throw new CastboardError('EXPORT_INVALID_OPTIONS', `Two panels are numbered ${number}; renumber the panels and export again.`);
    seen.add(number);
  }
}

/** Writes each panel's image as `<folder>/<fileName>`. */
export async function exportPanelImages(panels: readonly PanelImageSource[], folder: string, run: PanelImagesRunOptions = {}): Promise<PanelImagesResult> {
  throwIfAborted(run.signal);
  const chosen = panelsToExport(panels, run.selectedOnly ?? false);
  assertUniqueNumbers(chosen);
  const withImage = chosen.filter((panel): panel is PanelImageSource & { imagePath: string } => panel.imagePath !== null);
  const withoutImage = chosen.filter((panel) => panel.imagePath === null).map((panel) => panel.number);
  if (withImage.length === 0) {
    throw new CastboardError('EXPORT_EMPTY', 'None of these panels has an image yet, so there is nothing to export. Generate the panels first.');
  }
  const dir = path.resolve(folder);
  const targets = withImage.map((panel) => path.join(dir, panel.fileName));
  const created = await prepareExportFolder(dir);
  const staged = new StagedFiles();
  const problems: ImageProblem[] = [];
  let done = 0;
  let committed = false;
  try {
    await assertNoConflicts(targets, run.overwrite ?? false);
    const written = await mapLimit(
      withImage,
      EXPORT_CONCURRENCY,
      async (panel, index) => {
        const target = targets[index] ?? '';
        let bytes: Buffer;
        try {
          bytes = await pngBytes(panel.imagePath, run.readImage ?? readStandaloneImage);
        } catch (error) {
          problems.push({ panel: panel.number, message: unreadableReason(panel.imagePath, error) });
          return false;
        }
        const temp = await staged.stage(target);
        await writeStaged(temp, bytes, target);
        done += 1;
        run.onProgress?.({ done, total: withImage.length });
        return true;
      },
      run.signal,
    );
    throwIfAborted(run.signal);
    if (!written.some(Boolean)) {
      const first = imageReport(problems).imageProblems[0]?.message ?? '';
      throw new CastboardError('EXPORT_EMPTY', `None of the panel images could be read, so nothing was exported. Check the project folder. ${first}`.trim());
    }
    await staged.commit({ overwrite: run.overwrite ?? false });
    committed = true;
    const files = targets.filter((_, index) => written[index]);
    return { files, withoutImage, ...imageReport(problems) };
  } finally {
    await staged.discard();
    // A folder made for this export does not outlive an export that wrote nothing.
    if (!committed) await removeCreatedFolders(dir, created);
  }
}

/** Writes one panel's image to `outPath` (a .png file name). */
export async function exportPanelImage(imagePath: string, outPath: string, run: Pick<PanelImagesRunOptions, 'overwrite' | 'readImage'> = {}): Promise<string> {
  const target = path.resolve(outPath);
  if (path.extname(target).toLowerCase() !== '.png') {
    throw new CastboardError('EXPORT_INVALID_OPTIONS', `Panel images are saved as PNG: use a file name ending in .png instead of "${path.basename(target)}".`);
  }
  await assertWritableFolder(path.dirname(target));
  await assertNoConflicts([target], run.overwrite ?? false);
  let bytes: Buffer;
  try {
    bytes = await pngBytes(imagePath, run.readImage ?? readStandaloneImage);
  } catch (error) {
    throw new CastboardError('PROJECT_IMAGE_MISSING', `This panel's image file cannot be read. Regenerate the panel or check the project folder. ${unreadableReason(imagePath, error)}`, { cause: error });
  }
  const staged = new StagedFiles();
  try {
    const temp = await staged.stage(target);
    await writeStaged(temp, bytes, target);
    const [file] = await staged.commit({ overwrite: run.overwrite ?? false });
    return file ?? target;
  } finally {
    await staged.discard();
  }
}
