import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withOpenProject } from '../../../electron/cli/cli-project';
import { pageSizePx } from '../../../electron/services/export';
import { startFakeGateway, type FakeGateway } from '../../fakes/gateway/fake-gateway';
import { cli, exists, gatewayEnv, makeProject, snapshotTree, tempDir } from './cli-kit';

let gateway: FakeGateway;
let dir: string;
let cleanup: () => Promise<void>;
let project: string;
let out: string;
beforeAll(async () => {
  gateway = await startFakeGateway();
});
afterAll(() => gateway.close());
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  project = await makeProject(dir, ['Mara climbs', 'The lamp room', 'Storm']);
  const generated = await cli(['generate', project, '--panels', '1-2', '--yes'], { env: gatewayEnv(gateway) });
  expect(generated.code).toBe(0);
  out = path.join(dir, 'out');
  await mkdir(out);
});
afterEach(() => cleanup());

interface Written {
  files: string[];
  pages: number;
  width: number;
  height: number;
  panels: number;
  withoutImage: number[];
}

describe('castboard export', () => {
  it('writes a PNG of the size it reports, and says which panels have no image yet', async () => {
    const file = path.join(out, 'sheet.png');
    const result = await cli(['export', project, '--out', file, '--columns', '2', '--cell-width', '200', '--captions', 'scene,dialogue,shot', '--json']);
    expect(result.code).toBe(0);
    const written = JSON.parse(result.stdout) as Written;
    expect(written).toMatchObject({ files: [file], pages: 1, panels: 3, withoutImage: [3] });
    const meta = await sharp(file).metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([written.width, written.height]);
    expect(written.width).toBeGreaterThanOrEqual(2 * 200);
    expect(result.stderr).toContain('Panels without an image yet (empty cells): 3');
  });

  it('exports selected panels and printable pages named -p1, -p2...', async () => {
    const selected = await cli(['export', project, '--out', path.join(out, 'two.png'), '--panels', '2-3']);
    expect(selected.stdout).toMatch(/^Wrote .*two\.png \(\d+x\d+ px, 2 panels\)\.$/);

    const paged = await cli(['export', project, '--out', path.join(out, 'print.png'), '--page', 'A4', '--dpi', '150', '--orientation', 'portrait', '--json']);
    expect(paged.code).toBe(0);
    const written = JSON.parse(paged.stdout) as Written;
    expect(written.files[0]).toBe(path.join(out, 'print-p1.png'));
    const page = pageSizePx('a4', 'portrait', 150);
    const meta = await sharp(written.files[0]).metadata();
    expect([meta.width, meta.height]).toEqual([page.width, page.height]);
  });

  it('replaces an existing file only with --overwrite', async () => {
    const file = path.join(out, 'sheet.png');
    await writeFile(file, 'keep me');
    const refused = await cli(['export', project, '--out', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('sheet.png already exists');
    expect((await sharp(file).metadata().catch(() => null))).toBeNull();
    expect((await cli(['export', project, '--out', file, '--overwrite'])).code).toBe(0);
    expect((await sharp(file).metadata()).format).toBe('png');
  });

  it('reads without locking: works while the project is open elsewhere', async () => {
    const io = { stdout: () => undefined, stderr: () => undefined, env: {} };
    const result = await withOpenProject(io, project, () => cli(['export', project, '--out', path.join(out, 'open.png')]));
    expect(result.code).toBe(0);
  });
});

describe('castboard export: bad options write nothing', () => {
  it.each([
    [['--columns', '0'], 2, '--columns "0": Columns must be at least 1.'],
    [['--columns', 'four'], 2, '--columns "four": Columns must be a whole number from 1 to 12.'],
    [['--cell-width', '10'], 2, 'Cell width must be at least 64'],
    [['--captions', 'scene,mood'], 2, 'Unknown caption field "mood" in --captions. Use any of: scene, dialogue, action, notes, shot, angle, movement, duration'],
    [['--page', 'a3'], 2, 'Page must be none, a4 or letter'],
    [['--dpi', '600'], 2, 'Resolution must be 150 or 300 dpi'],
    [['--panels', '9'], 2, 'There is no panel 9: this project has panels 1-3'],
  ])('%j exits %i', async (extra, code, message) => {
    const before = await snapshotTree(dir);
    const result = await cli(['export', project, '--out', path.join(out, 'sheet.png'), ...extra]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('castboard export --help');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('exits 2 without --out or with an --out that is not .png', async () => {
    expect((await cli(['export', project])).stderr).toContain('--out is required');
    const jpeg = await cli(['export', project, '--out', path.join(out, 'sheet.jpg')]);
    expect(jpeg.code).toBe(2);
    expect(jpeg.stderr).toContain('Use a file name ending in .png');
    expect(await snapshotTree(out)).toEqual({});
  });

  it('exits 1 for an --out in a folder that cannot be written', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    await writeFile(blocker, 'x');
    const before = await snapshotTree(dir);
    const inFile = await cli(['export', project, '--out', path.join(blocker, 'sheet.png')]);
    expect(inFile.code).toBe(1);
    expect(inFile.stderr).toMatch(/castboard export: .*not a folder/);
    const missing = await cli(['export', project, '--out', path.join(dir, 'no', 'such', 'sheet.png')]);
    expect(missing.code).toBe(1);
    expect(await snapshotTree(dir)).toEqual(before);
    expect(await exists(path.join(dir, 'no'))).toBe(false);
  });

  it('exits 1 for a project without panels, saying what to do', async () => {
    const empty = path.join(dir, 'empty');
    await cli(['init', empty, '--title', 'Empty']);
    const result = await cli(['export', empty, '--out', path.join(out, 'sheet.png')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no panels yet');
    expect(await snapshotTree(out)).toEqual({});
  });
});
