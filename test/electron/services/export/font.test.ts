import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportContactSheet } from '../../../../electron/services/export/contact-sheet';
import { defaultFontFiles } from '../../../../electron/services/export/font';
import { measureCaption, type CaptionInk } from './fontless-probe';
import { decode, makeTempDir, removeDir, solidPng } from './helpers';

const here = path.dirname(fileURLToPath(import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await makeTempDir('castboard-font-');
});

afterAll(async () => {
  await removeDir(dir);
});

function runChild(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fontless-child.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`child exited ${code}: ${stderr}`))));
  });
}

describe('export fonts', () => {
  it('ship with the app as files', () => {
    const fonts = defaultFontFiles();
    expect(existsSync(fonts.regular)).toBe(true);
    expect(existsSync(fonts.bold)).toBe(true);
    expect(path.basename(fonts.regular)).toBe('DejaVuSans.ttf');
  });

  it('draw captions even where fontconfig knows no font at all', async () => {
    const emptyConfig = path.join(dir, 'fonts.conf');
    await writeFile(emptyConfig, '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n');
    const hidden: CaptionInk = JSON.parse(await runChild({ ...process.env, FONTCONFIG_FILE: emptyConfig, FONTCONFIG_PATH: dir, XDG_DATA_HOME: dir, HOME: dir }));

    const image = await solidPng(dir, 'take.png', [30, 144, 255], 160, 90);
    const panels = [{ number: 1, imagePath: image, captions: { dialogue: 'Lights out in the lamp room' } }];
    const result = await exportContactSheet({ title: 'T', date: 'd', panels }, { cellWidth: 320, columns: 1, margin: 10, gutter: 0, header: false, panelNumbers: false, captions: ['dialogue'] }, path.join(dir, 'sheet.png'));
    const here: CaptionInk = measureCaption(await decode(result.files[0] ?? ''));

    expect(hidden.dark).toBeGreaterThan(100);
    // Same font, same metrics: the caption spans the same width (boxes or a fallback would not).
    expect(Math.abs(hidden.left - here.left)).toBeLessThanOrEqual(1);
    expect(Math.abs(hidden.right - here.right)).toBeLessThanOrEqual(2);
  });
});
