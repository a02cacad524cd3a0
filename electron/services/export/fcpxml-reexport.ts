/**
 * Re-exporting a timeline over itself. An FCPXML export writes its stills into a folder it creates
 * (`<name>-panels`, or `-2`, `-3`... when the name is taken, see createFreshFolder); exporting
 * again over the same .fcpxml (overwrite confirmed) would pile up `-2`, `-3` folders of stale
 * stills. So when the old timeline provably owns its stills folder, that folder is reused:
 *  - "provably owns": the old .fcpxml is an FCPXML document whose every media path points into
 *    one folder beside it, named like an export's (`<name>-panels[-N]`), a real folder (not a
 *    link) holding nothing but regular files that the timeline names. Anything else (unreadable,
 *    not FCPXML, paths elsewhere, a file the artist added) is not proof: the caller keeps the
 *    fresh-folder behaviour and nothing of the old export is touched;
 *  - replacing never leaves the old export broken: the new stills are written into a hidden temp
 *    folder beside it and the new timeline is staged, then the folders are swapped by renames
 *    (old away, new in), the timeline renamed over the old one, and only then the old stills
 *    deleted. A failure at any step puts the old folder back (the caller removes the new one).
 */
import { randomBytes } from 'node:crypto';
import { lstat, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createFreshFolder, StagedFiles, writeFailure, writeStaged } from './output-files';

/** Larger than any timeline Castboard writes (a few hundred bytes per panel); more is not ours. */
const MAX_TIMELINE_BYTES = 32 * 1024 * 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Attribute text as an XML parser reads it (the entities escapeXml writes, and numeric references). */
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? '';
  });
}

/** Every `src` the document names, as file paths (null when one is not a file URL). */
function mediaPaths(xml: string, timeline: string): string[] | null {
  const base = pathToFileURL(timeline);
  const paths: string[] = [];
  for (const match of xml.matchAll(/\ssrc="([^"]*)"/g)) {
    const url = new URL(unescapeXml(match[1] ?? ''), base);
    if (url.protocol !== 'file:' || url.search || url.hash) return null;
    paths.push(fileURLToPath(url));
  }
  return paths;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The stills folder the timeline at `timeline` owns (see the header), or null when that is not proven. */
export async function ownedStillsFolder(timeline: string): Promise<string | null> {
  try {
    const info = await lstat(timeline);
    if (!info.isFile() || info.size > MAX_TIMELINE_BYTES) return null;
    const xml = await readFile(timeline, 'utf8');
    if (!/<fcpxml[\s>]/.test(xml)) return null;
    const stills = mediaPaths(xml, timeline);
    const folder = stills?.[0] === undefined ? null : path.dirname(stills[0]);
    if (!stills || !folder || stills.some((still) => path.dirname(still) !== folder)) return null;
    const stem = path.basename(timeline).replace(/\.fcpxml$/i, '');
    if (path.dirname(folder) !== path.dirname(timeline) || !new RegExp(`^${escapeRegExp(stem)}-panels(-\\d+)?$`).test(path.basename(folder))) return null;
    if (!(await lstat(folder)).isDirectory()) return null;
    const named = new Set(stills.map((still) => path.basename(still)));
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (!entry.isFile() || !named.has(entry.name)) return null; // something the export did not write
    }
    return folder;
  } catch {
    return null; // unreadable, or gone while looking: not proof
  }
}

/** A new, hidden, empty folder beside `folder` for the new stills (same disk, so renames are atomic). */
export function createTempFolderBeside(folder: string): Promise<string> {
  return createFreshFolder(path.join(path.dirname(folder), `.${path.basename(folder)}.${randomBytes(6).toString('hex')}.tmp`));
}

async function renameOrFail(from: string, to: string): Promise<void> {
  await rename(from, to).catch((error: unknown) => {
    throw writeFailure(error, path.join(to, 'export'));
  });
}

/**
 * Puts the timeline `bytes` at `timeline` and the stills written in `fresh` at `folder` (the old
 * timeline's own), replacing both. On failure the old folder and timeline are as they were and the
 * new stills are back in `fresh`, for the caller to remove.
 */
export async function replaceTimelineAndStills(timeline: string, bytes: Uint8Array, fresh: string, folder: string): Promise<string> {
  const staged = new StagedFiles();
  const old = `${fresh.replace(/\.tmp$/, '')}.old`;
  try {
    await writeStaged(await staged.stage(timeline), bytes, timeline);
    await renameOrFail(folder, old);
    try {
      await renameOrFail(fresh, folder);
      try {
        await staged.commit({ overwrite: true });
      } catch (error) {
        await rename(folder, fresh).catch(() => undefined); // the new stills go back to where the caller removes them
        throw error;
      }
    } catch (error) {
      // The old export is whole again (if even this fails, its stills stay in the hidden .old folder, never deleted).
      await rename(old, folder).catch(() => undefined);
      throw error;
    }
  } finally {
    await staged.discard();
  }
  await rm(old, { recursive: true, force: true }).catch(() => undefined); // only the old stills, now unreferenced
  return timeline;
}
