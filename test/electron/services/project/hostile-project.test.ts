/**
 * Issue #16: a project folder from someone else is untrusted input. Each test builds a real
 * project (with the app's own functions), makes it hostile the way a zip, a git checkout or a
 * cloud folder can (links to files and folders outside, FIFOs, a link to /dev/zero, SVG/TIFF bytes
 * under .png names), then runs open, info, export (sheet and panel PNGs), thumbnails, media
 * serving, backups and Save As on it. Every operation must end within 2 s, with a clear error (or
 * report line) naming the file; nothing outside the project may be read into an output or
 * written; the bytes inside stay as they were.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Project } from '../../../../shared/domain/project';
import { parseThumbnailPath } from '../../../../shared/domain/thumbnail-ref';
import { productionInput } from '../../../../electron/services/export/production-input';
import { exportSlugPanels } from '../../../../electron/services/export/slug-panels';
import { createImageStore } from '../../../../electron/services/project/image-store';
import { createProject, openProject } from '../../../../electron/services/project/project-open';
import { createThumbnailCache } from '../../../../electron/services/project/thumbnails';
import { createMediaHandler } from '../../../../electron/services/serving/media-handler';
import { cli } from '../../cli/cli-kit';
import { buildSampleProject, makeTempDir, removeTempDirs, snapshotTree } from './fixtures';

afterEach(removeTempDirs);

const LIMIT_MS = 2000;
const MAGENTA = { r: 255, g: 0, b: 255 };

interface World {
  sandbox: string;
  root: string;
  outside: string;
  project: Project;
  /** The first panel's active take and the character's reference image. */
  take: string;
  reference: string;
  secret: Buffer;
}

async function buildWorld(): Promise<World> {
  const sandbox = await makeTempDir('castboard-hostile-');
  const root = path.join(sandbox, 'Harbour.castboard');
  const outside = path.join(sandbox, 'outside');
  await mkdir(path.join(outside, 'empty'), { recursive: true });
  const secret = await sharp({ create: { width: 64, height: 64, channels: 3, background: MAGENTA } }).png().toBuffer();
  await writeFile(path.join(outside, 'secret.png'), secret);
  await writeFile(path.join(outside, 'secret.json'), '{"secret": "outside the project"}');
  const store = createImageStore(root);
  const project = await buildSampleProject((png) => store.put(png), { panels: 3 });
  const session = await createProject(root, project);
  await session.close();
  const take = project.panels[0]?.takes[0]?.image ?? '';
  const reference = project.characters[0]?.referenceImage ?? '';
  return { sandbox, root, outside, project, take, reference, secret };
}

const at = (world: World, relative: string) => path.join(world.root, ...relative.split('/'));
const mkfifo = (file: string) => execFileSync('mkfifo', [file]);

async function replaceWith(world: World, relative: string, make: (file: string) => unknown): Promise<void> {
  await rm(at(world, relative), { recursive: true, force: true });
  await make(at(world, relative));
}

/** Moves a project folder outside and links it back in. */
async function linkFolderOutside(world: World, folder: string, seed?: (dir: string) => Promise<void>): Promise<void> {
  const target = path.join(world.outside, folder);
  await rename(at(world, folder), target);
  await seed?.(target);
  await symlink(target, at(world, folder));
}

interface Hostile {
  name: string;
  /** What an error or report must name. */
  names: (world: World) => string;
  make: (world: World) => Promise<void>;
  /** Open refuses the project (the project file or lock is what is hostile). */
  openFails?: boolean;
  /** info / export cannot read project.json at all. */
  readFails?: boolean;
}

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#f0f"/></svg>');

const HOSTILE: Hostile[] = [
  { name: 'an image that is a link to a picture outside', names: (w) => w.take, make: (w) => replaceWith(w, w.take, (file) => symlink(path.join(w.outside, 'secret.png'), file)) },
  { name: 'the reference image linked to /dev/zero', names: (w) => w.reference, make: (w) => replaceWith(w, w.reference, (file) => symlink('/dev/zero', file)) },
  { name: 'an image that is a FIFO', names: (w) => w.take, make: (w) => replaceWith(w, w.take, mkfifo) },
  { name: 'SVG bytes under a .png name', names: (w) => w.take, make: (w) => writeFile(at(w, w.take), svg) },
  {
    name: 'TIFF bytes under a .png name',
    names: (w) => w.take,
    make: async (w) => writeFile(at(w, w.take), await sharp({ create: { width: 64, height: 64, channels: 3, background: MAGENTA } }).tiff().toBuffer()),
  },
  {
    name: 'images/ linked to a folder outside (holding valid copies)',
    names: (w) => w.take,
    make: (w) => linkFolderOutside(w, 'images'),
  },
  { name: 'thumbs/ linked to a folder outside', names: () => 'thumbs', make: (w) => linkFolderOutside(w, 'thumbs') },
  {
    name: 'backups/ linked to a folder outside full of old backups',
    names: () => 'backups',
    make: (w) =>
      linkFolderOutside(w, 'backups', async (dir) => {
        for (let day = 10; day < 25; day += 1) await writeFile(path.join(dir, `project-2020-01-${day}T10-00-00-000Z.json`), `keep me ${day}`);
      }),
  },
  { name: 'project.json that is a FIFO', names: () => 'project.json', make: (w) => replaceWith(w, 'project.json', mkfifo), openFails: true, readFails: true },
  {
    name: 'project.json linked to a file outside',
    names: () => 'project.json',
    make: (w) => replaceWith(w, 'project.json', (file) => symlink(path.join(w.outside, 'secret.json'), file)),
    openFails: true,
    readFails: true,
  },
  {
    name: 'a damaged project.json and a backup linked to /dev/zero',
    names: () => 'project.json',
    make: async (w) => {
      await writeFile(at(w, 'project.json'), '{"schemaVersion": 2, "title": ');
      await symlink('/dev/zero', at(w, 'backups/project-2030-01-01T00-00-00-000Z.json'));
      mkfifo(at(w, 'backups/project-2030-01-02T00-00-00-000Z.json'));
    },
    openFails: true,
    readFails: true,
  },
  { name: 'project.lock that is a FIFO', names: () => 'project.lock', make: (w) => replaceWith(w, 'project.lock', mkfifo), openFails: true },
  { name: 'project.lock linked to /dev/zero', names: () => 'project.lock', make: (w) => replaceWith(w, 'project.lock', (file) => symlink('/dev/zero', file)), openFails: true },
];

/** Runs `work`, failing the test if it has not ended after 2 s (a hang). */
async function within2s<T>(label: string, work: () => Promise<T>): Promise<{ value?: T; error?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} did not end within 2 s`)), LIMIT_MS);
  });
  try {
    return { value: await Promise.race([work(), timeout]) };
  } catch (error) {
    if (error instanceof Error && error.message.endsWith('did not end within 2 s')) throw error;
    return { error };
  } finally {
    clearTimeout(timer);
  }
}

/** Pixels of exactly the outside picture's colour: an image from outside would fill a cell with them. */
async function magentaPixels(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let count = 0;
  for (let i = 0; i < info.width * info.height * 3; i += 3) if (data[i] === 255 && data[i + 1] === 0 && data[i + 2] === 255) count += 1;
  return count;
}

/** Files of the project as they were must be byte-identical afterwards (caches and backups may be added). */
function expectInsideUnchanged(before: Map<string, string>, after: Map<string, string>): void {
  for (const [file, hash] of before) {
    if (file === 'project.lock') continue;
    expect(after.get(file), file).toBe(hash);
  }
}

async function readOnlyChecks(world: World, hostile: Hostile, out: string): Promise<void> {
  const named = hostile.names(world);
  const info = await within2s('info', () => cli(['info', world.root]));
  expect(info.value, 'info ran').toBeDefined();
  if (hostile.readFails) {
    expect(info.value?.code).toBe(1);
    expect(info.value?.stderr).toContain(named);
  } else {
    expect(info.value?.code).toBe(0);
    if (named.startsWith('images/')) expect(info.value?.stderr).toContain(named);
  }

  const sheetPath = path.join(out, 'sheet.png');
  const sheet = await within2s('export', () => cli(['export', world.root, '--out', sheetPath]));
  if (hostile.readFails) {
    expect(sheet.value?.code).toBe(1);
    expect(sheet.value?.stderr).toContain(named);
  } else {
    expect(sheet.value?.code, sheet.value?.stderr).toBe(0);
    if (named === world.take) expect(sheet.value?.stderr).toContain(named);
    expect(await magentaPixels(await readFile(sheetPath))).toBeLessThan(50);
  }

  if (!hostile.readFails) {
    const input = productionInput(world.root, world.project, undefined, new Date());
    await mkdir(path.join(out, 'panels'));
    const panels = await within2s('panel PNGs', () => exportSlugPanels(input, path.join(out, 'panels')));
    // When no panel image can be read the export stops with EXPORT_EMPTY, naming the first bad file.
    if (panels.error) expect((panels.error as Error).message).toContain(named);
    for (const name of await readdir(path.join(out, 'panels')).catch(() => [] as string[])) {
      const bytes = await readFile(path.join(out, 'panels', name));
      expect(bytes.equals(world.secret)).toBe(false);
      expect(await magentaPixels(bytes)).toBe(0);
    }
    if (panels.value && named === world.take) expect(panels.value.imageProblems.map((p) => p.message).join(' ')).toContain(named);

    const cache = createThumbnailCache(world.root);
    const thumb = await within2s('thumbnail', () => cache.get(world.take as never, 128));
    expect(thumb.error).toBeUndefined();
    if (hostile.names(world) === world.take) expect(thumb.value).toBeNull();

    const media = createMediaHandler({
      getProjectRoot: () => world.root,
      prepare: async (relative) => {
        const wanted = parseThumbnailPath(relative);
        if (wanted) await cache.get(wanted.image, wanted.size);
      },
    });
    for (const relative of [world.take, world.reference, `thumbs/${path.basename(world.take, '.png')}-256.png`]) {
      const served = await within2s(`media ${relative}`, () => media(new Request(`castboard-media://project/${relative}`)));
      const body = Buffer.from(await (served.value as Response).arrayBuffer());
      expect(body.equals(world.secret)).toBe(false);
      if (served.value?.status === 200) expect(await magentaPixels(body)).toBe(0);
    }
  }
}

async function sessionChecks(world: World, hostile: Hostile): Promise<void> {
  const opened = await within2s('open', () => openProject(world.root));
  if (hostile.openFails) {
    expect(opened.error, 'open refused').toBeDefined();
    expect(String((opened.error as Error).message)).toContain(hostile.names(world));
    return;
  }
  const session = opened.value;
  if (!session) throw opened.error;
  try {
    if (hostile.names(world).startsWith('images/')) {
      expect(session.report.imageProblems.map((problem) => problem.image)).toContain(hostile.names(world));
    }
    // Backups: a save rotates a copy into backups/ (refused when backups/ is a link: the save itself still succeeds).
    session.update({ ...session.project, title: 'Harbour Chase (edited)' });
    const saved = await within2s('save', () => session.save());
    expect(saved.error).toBeUndefined();
    const copy = path.join(world.sandbox, 'Copy.castboard');
    const savedAs = await within2s('save as', () => session.saveAs(copy));
    expect(savedAs.error).toBeUndefined();
    const copied = await snapshotTree(copy);
    for (const [file, hash] of copied) if (hash !== 'dir') expect(hash, file).not.toBe('link');
    for (const file of copied.keys()) {
      if (!file.endsWith('.png')) continue;
      const bytes = await readFile(path.join(copy, file));
      expect(bytes.equals(world.secret)).toBe(false);
      expect(await magentaPixels(bytes)).toBe(0);
    }
  } finally {
    await session.close({ save: false });
  }
}

describe('a hostile project folder (issue #16)', () => {
  it.each(HOSTILE)('$name: every operation ends in time, names the file, reads and writes nothing outside', async (hostile) => {
    const world = await buildWorld();
    await hostile.make(world);
    const out = await makeTempDir('castboard-hostile-out-');
    const outsideBefore = await snapshotTree(world.outside);
    const insideBefore = await snapshotTree(world.root);

    await readOnlyChecks(world, hostile, out);
    expectInsideUnchanged(insideBefore, await snapshotTree(world.root));
    await sessionChecks(world, hostile);

    expect(await snapshotTree(world.outside)).toEqual(outsideBefore);
    if (hostile.openFails) expectInsideUnchanged(insideBefore, await snapshotTree(world.root));
  }, 60_000);
});
