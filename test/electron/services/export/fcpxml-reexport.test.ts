/**
 * Exporting a timeline again over the same .fcpxml: the stills folder the old timeline provably
 * owns is replaced (no -2, -3 clutter), and when ownership is not proven, a fresh folder is used
 * and nothing of what was there is touched. A failed or cancelled re-export leaves the old one whole.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFcpxml } from '../../../../electron/services/export/fcpxml';
import { replaceTimelineAndStills } from '../../../../electron/services/export/fcpxml-reexport';
import { cli, snapshotTree } from '../../cli/cli-kit';
import { productionProject, type ProductionFixture } from './production-kit';

let fixture: ProductionFixture;
beforeAll(async () => {
  fixture = await productionProject(4, '1,2,4');
});
afterAll(() => fixture.cleanup());

const options = { fps: 24, width: 1920, height: 1080 } as const;

/** The stills a timeline names, resolved against where the .fcpxml is. */
async function stillsOf(file: string): Promise<string[]> {
  const xml = await readFile(file, 'utf8');
  return [...xml.matchAll(/<media-rep kind="original-media" src="([^"]+)"/g)].map((match) => fileURLToPath(new URL(match[1]?.replace(/&apos;/g, "'").replace(/&amp;/g, '&') ?? '', pathToFileURL(file))));
}

async function freshDir(name: string): Promise<string> {
  const dir = path.join(fixture.dir, name);
  await mkdir(dir);
  return dir;
}

const exportCut = (file: string, ...extra: string[]) => cli(['export', fixture.project, '--format', 'fcpxml', '--out', file, ...extra]);

describe('FCPXML re-export over the same timeline', () => {
  it('replaces the stills folder the old timeline owns: one folder, and the timeline names the new stills', async () => {
    const dir = await freshDir('again');
    const file = path.join(dir, 'cut.fcpxml');
    expect((await exportCut(file)).code).toBe(0);
    expect(await readdir(path.join(dir, 'cut-panels'))).toHaveLength(3);

    // Only panel 1 this time: the folder must hold exactly its still, not the three old ones too.
    const second = await exportCut(file, '--panels', '1', '--overwrite');
    expect(second.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['cut-panels', 'cut.fcpxml']); // no -2, no temp or old folder left
    const stills = await stillsOf(file);
    expect(stills).toHaveLength(1);
    expect(path.dirname(stills[0] ?? '')).toBe(path.join(dir, 'cut-panels'));
    expect(await readdir(path.join(dir, 'cut-panels'))).toEqual([path.basename(stills[0] ?? '')]);
    expect(second.stdout).toContain(stills[0]);

    // And back to every panel, through the service the app uses.
    const third = await exportFcpxml(fixture.input, options, file, { overwrite: true });
    expect(third.folder).toBe(path.join(dir, 'cut-panels'));
    expect((await readdir(dir)).sort()).toEqual(['cut-panels', 'cut.fcpxml']);
    expect((await readdir(third.folder)).sort()).toEqual((await stillsOf(file)).map((still) => path.basename(still)).sort());
    expect(third.stills.every((still) => path.dirname(still) === third.folder)).toBe(true);
  });

  it('keeps a fresh folder, touching nothing, when the old timeline does not provably own one', async () => {
    // The artist put a file of their own into the stills folder: it is not only the export's.
    const added = await freshDir('added');
    expect((await exportCut(path.join(added, 'cut.fcpxml'))).code).toBe(0);
    await writeFile(path.join(added, 'cut-panels', 'notes.txt'), 'mine');
    const before = await snapshotTree(path.join(added, 'cut-panels'));
    expect((await exportFcpxml(fixture.input, options, path.join(added, 'cut.fcpxml'), { overwrite: true })).folder).toBe(path.join(added, 'cut-panels-2'));
    expect(await snapshotTree(path.join(added, 'cut-panels'))).toEqual(before);

    // The old file cannot be read as a timeline.
    const garbled = await freshDir('garbled');
    await mkdir(path.join(garbled, 'take-panels'));
    await writeFile(path.join(garbled, 'take.fcpxml'), 'not a timeline');
    expect((await exportFcpxml(fixture.input, options, path.join(garbled, 'take.fcpxml'), { overwrite: true })).folder).toBe(path.join(garbled, 'take-panels-2'));

    // A copy of another timeline: its stills are another export's folder (a.fcpxml's a-panels).
    const copied = await freshDir('copied');
    expect((await exportCut(path.join(copied, 'a.fcpxml'))).code).toBe(0);
    await copyFile(path.join(copied, 'a.fcpxml'), path.join(copied, 'b.fcpxml'));
    const theirs = await snapshotTree(path.join(copied, 'a-panels'));
    expect((await exportFcpxml(fixture.input, options, path.join(copied, 'b.fcpxml'), { overwrite: true })).folder).toBe(path.join(copied, 'b-panels'));
    expect(await snapshotTree(path.join(copied, 'a-panels'))).toEqual(theirs);
    expect((await stillsOf(path.join(copied, 'a.fcpxml'))).every((still) => path.dirname(still) === path.join(copied, 'a-panels'))).toBe(true);
  });

  it('leaves the old timeline and its stills whole when the re-export is cancelled or its last step fails', async () => {
    const dir = await freshDir('kept');
    const file = path.join(dir, 'cut.fcpxml');
    expect((await exportCut(file)).code).toBe(0);
    const before = await snapshotTree(dir);

    const controller = new AbortController();
    const cancelled = exportFcpxml(fixture.input, options, file, { overwrite: true, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await snapshotTree(dir)).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(['cut-panels', 'cut.fcpxml']); // no hidden temp folder left

    // The swap's last step (renaming the timeline in) fails: a folder stands where it goes.
    const fresh = path.join(dir, '.cut-panels.test.tmp');
    await mkdir(fresh);
    await writeFile(path.join(fresh, '001-new.png'), 'new still');
    await mkdir(path.join(dir, 'blocked.fcpxml'));
    await expect(replaceTimelineAndStills(path.join(dir, 'blocked.fcpxml'), Buffer.from('<fcpxml/>'), fresh, path.join(dir, 'cut-panels'))).rejects.toMatchObject({ code: 'EXPORT_WRITE_FAILED' });
    const after = await snapshotTree(dir);
    for (const [name, hash] of Object.entries(before)) expect(after[name]).toBe(hash); // old timeline and stills as they were
    expect(await readdir(fresh)).toEqual(['001-new.png']); // back where the caller removes it
    expect((await readdir(dir)).sort()).toEqual(['.cut-panels.test.tmp', 'blocked.fcpxml', 'cut-panels', 'cut.fcpxml']);
  });
});
