import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGateway, type FakeGateway } from '../../fakes/gateway/fake-gateway';
import { makeReadOnly } from '../services/project/read-only-folder';
import { cli, gatewayEnv, makeProject, readProjectJson, tempDir } from './cli-kit';

/** An independent RFC 4180 reader: quoted fields, doubled quotes, CRLF rows, newlines inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 1; }
    else field += ch;
  }
  if (field || row.length) throw new Error('last row not terminated by CRLF');
  return rows;
}

const TRICKY = 'She says, "Keep the lamp lit"\nthen: "Go!"';

let gateway: FakeGateway;
let dir: string;
let cleanup: () => Promise<void>;
let project: string;
beforeAll(async () => {
  gateway = await startFakeGateway();
  ({ dir, cleanup } = await tempDir());
  project = await makeProject(dir, ['Mara climbs the stairs', 'The lamp room']);
  expect((await cli(['panel', 'add', project, '--scene', 'Storm, Ça va?', '--dialogue', TRICKY, '--duration', '4.5', '--shot', 'CU', '--notes', '=SUM(A1)'])).code).toBe(0);
  expect((await cli(['generate', project, '--panels', '1,3', '--yes'], { env: gatewayEnv(gateway) })).code).toBe(0);
  expect((await cli(['generate', project, '--panels', '3', '--yes'], { env: gatewayEnv(gateway) })).code).toBe(0);
});
afterAll(async () => {
  await gateway.close();
  await cleanup();
});

describe('castboard export --format csv', () => {
  it('writes a shot list that parses back field for field, with a BOM and the running time', async () => {
    const out = path.join(dir, 'shots.csv');
    const result = await cli(['export', project, '--format', 'csv', '--out', out, '--json']);
    expect(result.stderr).toContain('Panels without an image yet: 2');
    expect(result.code).toBe(0);
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['Number', 'Scene', 'Shot', 'Angle', 'Movement', 'Duration (s)', 'Running time', 'Dialogue', 'Action', 'Notes', 'Takes', 'Image file']);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toEqual(['3', 'Storm, Ça va?', 'Close-up', 'Eye level', 'Static', '4.5', '0:06', TRICKY, '', "'=SUM(A1)", '2', '003-storm-ca-va.png']);
    expect(rows[2]?.slice(0, 2)).toEqual(['2', 'The lamp room']);
    expect(rows[2]?.[11]).toBe('');
    expect(rows[1]?.[11]).toBe('001-mara-climbs-the-stairs.png');
  });

  it('refuses to replace a file without --overwrite', async () => {
    const out = path.join(dir, 'twice.csv');
    expect((await cli(['export', project, '--format', 'csv', '--out', out])).code).toBe(0);
    const again = await cli(['export', project, '--format', 'csv', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('twice.csv already exists');
    expect((await cli(['export', project, '--format', 'csv', '--out', out, '--overwrite'])).code).toBe(0);
  });

  it('refuses flags of other formats and unknown formats as usage errors', async () => {
    const wrongFlag = await cli(['export', project, '--format', 'csv', '--out', path.join(dir, 'x.csv'), '--fps', '24']);
    expect(wrongFlag.code).toBe(2);
    expect(wrongFlag.stderr).toContain('--fps does not apply to --format csv');
    const unknown = await cli(['export', project, '--format', 'docx', '--out', path.join(dir, 'x.docx')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--format must be one of png, pdf, mp4, gif, fcpxml, csv, panels');
  });
});

describe('castboard export --format panels', () => {
  it('writes one PNG per active take, named by number and scene slug, byte for byte', async () => {
    const folder = path.join(dir, 'panels');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    const result = await cli(['export', project, '--format', 'panels', '--out', folder, '--json']);
    expect(result.code).toBe(0);
    expect((await readdir(folder)).sort()).toEqual(['001-mara-climbs-the-stairs.png', '003-storm-ca-va.png']);
    const doc = await readProjectJson(project);
    const third = doc.panels[2];
    const active = third?.takes.find((take) => take.id === third.activeTakeId);
    const written = await readFile(path.join(folder, '003-storm-ca-va.png'));
    expect(written.equals(await readFile(path.join(project, active?.image ?? 'missing')))).toBe(true);
    expect((await sharp(written).metadata()).format).toBe('png');
  });
});

describe('castboard export --format panels --out <folder that is not there yet>', () => {
  const undoers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const undo of undoers.splice(0)) await undo();
  });

  it('creates the folder with its missing parents and writes the panels into it', async () => {
    const folder = path.join(dir, 'delivery', 'day 3', 'panels');
    const result = await cli(['export', project, '--format', 'panels', '--out', folder]);
    expect(result.code, result.stderr).toBe(0);
    expect((await readdir(folder)).sort()).toEqual(['001-mara-climbs-the-stairs.png', '003-storm-ca-va.png']);
    expect(result.stdout).toContain(path.join(folder, '003-storm-ca-va.png'));
  });

  it('refuses a file named as the folder, and a folder it may not write in, saying which; nothing is written', async () => {
    const file = path.join(dir, 'notes.txt');
    await writeFile(file, 'keep me');
    const onFile = await cli(['export', project, '--format', 'panels', '--out', file]);
    expect(onFile.code).toBe(1);
    expect(onFile.stderr).toContain(`${file} is a file, not a folder`);
    expect(await readFile(file, 'utf8')).toBe('keep me');
    const underFile = await cli(['export', project, '--format', 'panels', '--out', path.join(file, 'panels')]);
    expect(underFile.code).toBe(1);
    expect(underFile.stderr).toContain(`because ${file} is a file, not a folder`);

    const locked = path.join(dir, 'locked');
    await mkdir(locked);
    if ((await makeReadOnly(locked, undoers)) === null) throw new Error('This machine can make no folder read-only (neither chmod nor chattr +i works).');
    const inLocked = await cli(['export', project, '--format', 'panels', '--out', locked]);
    expect(inLocked.code).toBe(1);
    expect(inLocked.stderr).toContain(`Castboard is not allowed to write in ${locked}`);
    const newInLocked = await cli(['export', project, '--format', 'panels', '--out', path.join(locked, 'a', 'b')]);
    expect(newInLocked.code).toBe(1);
    expect(newInLocked.stderr).toContain(`not allowed to create the folder ${path.join(locked, 'a', 'b')} in ${locked}`);
    for (const refused of [onFile, underFile, inLocked, newInLocked]) expect(refused.stderr).toContain('Nothing was written.');
    expect(await readdir(locked)).toEqual([]);
  });
});

describe('castboard export: progress and cancel', () => {
  it('prints plain, rate-limited progress lines when stderr is not a terminal (CI logs)', async () => {
    const long = await makeProject(dir, [], 'long');
    const frame = path.join(dir, 'frame.png');
    await sharp({ create: { width: 160, height: 90, channels: 3, background: '#345' } }).png().toFile(frame);
    for (let index = 0; index < 25; index += 1) expect((await cli(['panel', 'add', long, '--image', frame])).code).toBe(0);
    for (const [format, out] of [['gif', 'long.gif'], ['fcpxml', 'long.fcpxml']] as const) {
      const result = await cli(['export', long, '--format', format, '--out', path.join(dir, out)]);
      expect(result.code, result.stderr).toBe(0);
      const lines = result.stderr.split('\n').filter((line) => line.startsWith('Exporting: '));
      expect(lines.length, format).toBeGreaterThanOrEqual(3);
      expect(lines.length, format).toBeLessThanOrEqual(11);
      expect(lines.at(-1)).toBe('Exporting: 25/25 panels (100%)');
      for (const line of lines) expect(line).toMatch(/^Exporting: \d+\/25 panels \(\d+%\)$/);
      expect(result.stderr).not.toContain('\x1b[');
    }
  });

  it('shows progress on a terminal, and Ctrl-C during an animatic leaves no file behind', async () => {
    const folder = path.join(dir, 'cancel');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    const shown = await cli(['export', project, '--format', 'gif', '--out', path.join(folder, 'shown.gif')], { ttyStderr: true });
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(/Exporting.*3\/3/);
    const controller = new AbortController();
    const running = cli(['export', project, '--format', 'mp4', '--out', path.join(folder, 'cut.mp4'), '--srt'], { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const result = await running;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Export cancelled. Nothing was written.');
    expect(await readdir(folder)).toEqual(['shown.gif']);
  });
});
