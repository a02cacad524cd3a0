/**
 * Shared helpers for the project-store tests, the crash harness and the benchmark:
 * real (tiny) PNGs made without sharp so child processes start fast, temp folders, a
 * byte-level snapshot of a folder tree ("byte-identical afterwards"), and sample projects.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Project } from '../../../../shared/domain/project';
import { addTake, createCharacter, createEmptyProject, createPanel } from '../../../../shared/domain/project-edit';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A valid RGB PNG whose pixels (and therefore sha256) depend on `seed`. */
export function tinyPng(seed: number, width = 8, height = 8): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const value = (seed * 2654435761 + y * 131 + x * 17) >>> 0;
      row.set([value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff], 1 + x * 3);
    }
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const created: string[] = [];

export async function makeTempDir(prefix = 'castboard-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** path -> sha256 of the bytes (files), 'dir' (folders), 'link' or 'special' (FIFOs, devices) — everything under `root`. */
export async function snapshotTree(root: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  async function walk(dir: string): Promise<void> {
    for (const name of (await readdir(dir)).sort()) {
      const full = path.join(dir, name);
      const relative = path.relative(root, full);
      const info = await lstat(full);
      if (info.isDirectory()) {
        result.set(relative, 'dir');
        await walk(full);
      } else if (info.isSymbolicLink()) {
        result.set(relative, 'link');
      } else if (!info.isFile()) {
        result.set(relative, 'special'); // a FIFO or device: reading it would hang or never end
      } else {
        result.set(relative, sha256(await readFile(full)));
      }
    }
  }
  await walk(root);
  return result;
}

export interface SampleOptions {
  panels: number;
  /** Seeds for the panel images; panel i uses imageSeed(i). */
  imageSeed?: (panelIndex: number) => number;
  title?: string;
  now?: Date;
}

/**
 * A project with one character (with a reference image) and `panels` panels, each with one
 * take whose image is tinyPng(imageSeed(i)). Images are stored with `put` first (as the app does).
 */
export async function buildSampleProject(put: (png: Uint8Array) => Promise<string>, options: SampleOptions): Promise<Project> {
  const now = options.now ?? new Date('2025-11-21T17:40:00.000Z');
  const seedOf = options.imageSeed ?? ((index: number) => index);
  let counter = 0;
  const id = (prefix: string) => () => `${prefix}${(counter += 1)}`;
  const project = createEmptyProject({ title: options.title ?? 'Harbour Chase', aspectRatio: '16:9' }, now);
  const character = createCharacter({ name: 'Mara', description: 'Red coat, short silver hair', referenceImage: await put(tinyPng(1_000_000)) }, id('char-'));
  project.characters.push(character);
  for (let index = 0; index < options.panels; index += 1) {
    const panel = createPanel({ scenePrompt: `Mara runs along the pier, beat ${index + 1}`, shotType: 'WS', dialogue: index % 3 === 0 ? 'Wait for me!' : '', characterId: character.id }, id('panel-'));
    const image = await put(tinyPng(seedOf(index)));
    const take = {
      id: `take-${index + 1}`,
      image,
      model: 'ideogram/ideogram-character',
      prompt: `${panel.scenePrompt}. Wide shot, dusk light.`,
      seed: index,
      params: { size: '1312x736', style_type: 'AUTO', rendering_speed: 'DEFAULT', n: 1 },
      costCents: 5,
      createdAt: now.toISOString(),
      width: 8,
      height: 8,
    };
    project.panels.push(addTake(panel, take));
  }
  return project;
}
