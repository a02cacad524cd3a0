import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath } from '../../../../electron/services/export/ffmpeg-path';
import { exportMp4, holdStep } from '../../../../electron/services/export/mp4-animatic';
import { cutFrames } from '../../../../electron/services/export/production-input';
import { cli } from '../../cli/cli-kit';
import { outPath, productionProject, type ProductionFixture } from './production-kit';

const run = promisify(execFile);
let fixture: ProductionFixture;
beforeAll(async () => {
  fixture = await productionProject(4, '1,2,4');
});
afterAll(() => fixture.cleanup());

/** What `ffmpeg -i` says about the file (it exits 1 without an output; the facts are on stderr). */
async function probe(file: string): Promise<{ duration: number; codec: string; width: number; height: number; fps: number; pixFmt: string }> {
  const stderr = await run(ffmpegPath(), ['-hide_banner', '-i', file]).then(({ stderr: text }) => text, (error: { stderr: string }) => error.stderr);
  const duration = /Duration: (\d+):(\d+):([\d.]+)/.exec(stderr);
  const video = /Video: (\w+)[^,]*, (\w+)[^,]*, (\d+)x(\d+)[^\n]*?, ([\d.]+) fps/.exec(stderr);
  if (!duration || !video) throw new Error(`ffmpeg -i gave no video facts:\n${stderr}`);
  return {
    duration: Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]),
    codec: video[1] ?? '', pixFmt: video[2] ?? '', width: Number(video[3]), height: Number(video[4]), fps: Number(video[5]),
  };
}

/** The frame shown at `seconds`, as 64x36 RGB. */
async function frameAt(file: string, seconds: number): Promise<Buffer> {
  const { stdout } = await run(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-ss', String(seconds), '-i', file, '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'png', 'pipe:1'], { encoding: 'buffer', maxBuffer: 64 << 20 });
  return sharp(stdout).resize(64, 36, { fit: 'fill' }).removeAlpha().raw().toBuffer();
}

async function panelImage(index: number, width: number, height: number): Promise<Buffer> {
  const bytes = await fixture.input.readImage(fixture.input.panels[index]?.imagePath ?? '');
  return sharp(bytes).resize(width, height, { fit: 'cover' }).resize(64, 36, { fit: 'fill' }).removeAlpha().raw().toBuffer();
}

const meanDifference = (a: Buffer, b: Buffer) => a.reduce((sum, value, index) => sum + Math.abs(value - (b[index] ?? 0)), 0) / a.length;

describe('MP4 animatic', () => {
  it('is H.264 yuv420p at the size and rate asked, lasting the sum of the durations (CLI, with SRT)', async () => {
    const file = outPath(fixture, 'animatic.mp4');
    const result = await cli(['export', fixture.project, '--format', 'mp4', '--out', file, '--fps', '25', '--size', '1280x720', '--srt', '--captions']);
    expect(result.stderr).toContain('Panels without an image yet: 3');
    expect(result.code).toBe(0);
    const facts = await probe(file);
    expect(facts).toMatchObject({ codec: 'h264', pixFmt: 'yuv420p', width: 1280, height: 720, fps: 25 });
    expect(Math.abs(facts.duration - 7)).toBeLessThanOrEqual(1 / 25); // 1 + 1.5 + 2 + 2.5 s
    const srt = await readFile(file.replace(/\.mp4$/, '.srt'), 'utf8');
    expect(srt).toContain('1\n00:00:00,000 --> 00:00:01,000\nLine 1: “Ça va, Mara?” — she nods');
    expect(srt).toContain('4\n00:00:04,520 --> 00:00:07,000\nLine 4');
  });

  it('shows each panel image on its side of a cut', async () => {
    const file = outPath(fixture, 'cuts.mp4');
    await exportMp4(fixture.input, { fps: 24, width: 640, height: 360, captions: false, srt: false, crossfadeSeconds: 0 }, file);
    const facts = await probe(file);
    expect(facts).toMatchObject({ width: 640, height: 360, fps: 24 });
    // 1, 1.5, 2 and 2.5 s at 24 fps are multiples of 12 frames: each still crossed the pipe once
    // per 12 frames and ffmpeg repeated it. The whole length, the last panel to its last frame.
    expect(holdStep(cutFrames(fixture.input.panels, 24), 0)).toBe(12);
    expect(Math.abs(facts.duration - 7)).toBeLessThanOrEqual(1 / 24);
    const [last, end] = [await panelImage(3, 640, 360), await frameAt(file, 7 - 1.5 / 24)];
    expect(meanDifference(end, last)).toBeLessThan(6);
    // the cut between panels 1 and 2 is at 1 s: the last frame before it and the first after it
    const [before, after] = [await frameAt(file, 1 - 1.5 / 24), await frameAt(file, 1 + 0.5 / 24)];
    const [first, second] = [await panelImage(0, 640, 360), await panelImage(1, 640, 360)];
    expect(meanDifference(first, second)).toBeGreaterThan(20); // the two panels really differ
    expect(meanDifference(before, first)).toBeLessThan(6);
    expect(meanDifference(after, second)).toBeLessThan(6);
  });

  it('burns the caption strip in along the bottom, over the panel picture', async () => {
    const file = outPath(fixture, 'captions.mp4');
    await exportMp4(fixture.input, { fps: 24, width: 640, height: 360, captions: true, srt: false, crossfadeSeconds: 0 }, file);
    const [frame, first] = [await frameAt(file, 0.5), await panelImage(0, 640, 360)];
    const rows = (pixels: Buffer, from: number, to: number) => pixels.subarray(from * 64 * 3, to * 64 * 3);
    expect(meanDifference(rows(frame, 0, 30), rows(first, 0, 30))).toBeLessThan(6); // the picture, untouched above the strip
    const mean = (pixels: Buffer) => pixels.reduce((sum, value) => sum + value, 0) / pixels.length;
    expect(mean(rows(frame, 34, 36))).toBeLessThan(mean(rows(first, 34, 36)) - 30); // the dark strip along the bottom
  });

  it('cross-fades: a frame halfway through the fade is the blend of both panels, the cut and the length unchanged', async () => {
    const file = outPath(fixture, 'fade.mp4');
    const fps = 24;
    await exportMp4(fixture.input, { fps, width: 640, height: 360, captions: false, srt: false, crossfadeSeconds: 0.5 }, file);
    const facts = await probe(file);
    expect(Math.abs(facts.duration - 7)).toBeLessThanOrEqual(1 / fps); // 1 + 1.5 + 2 + 2.5 s, as without a fade
    const [first, second] = [await panelImage(0, 640, 360), await panelImage(1, 640, 360)];
    expect(meanDifference(first, second)).toBeGreaterThan(20);
    // Panel 1 holds frames 0-23; the 0.5 s fade is its last 12 frames (12-23), blending towards
    // panel 2 by i/13 for i = 1..12. Frame n is shown from n/24 s: seek half a frame before it.
    const at = (frame: number) => frameAt(file, (frame - 0.5) / fps);
    expect(meanDifference(await at(11), first)).toBeLessThan(6); // before the fade: panel 1 alone
    const middle = await at(17); // i = 6: 6/13 of the way
    const weight = 6 / 13;
    const blend = Buffer.from(first.map((value, index) => Math.round(value * (1 - weight) + (second[index] ?? 0) * weight)));
    expect(meanDifference(middle, blend)).toBeLessThan(6);
    expect(meanDifference(middle, first)).toBeGreaterThan(8);
    expect(meanDifference(middle, second)).toBeGreaterThan(8);
    const mean = (pixels: Buffer) => pixels.reduce((sum, value) => sum + value, 0) / pixels.length;
    const [low, high] = [Math.min(mean(first), mean(second)), Math.max(mean(first), mean(second))];
    expect(mean(middle)).toBeGreaterThan(low + (high - low) * 0.25);
    expect(mean(middle)).toBeLessThan(high - (high - low) * 0.25);
    expect(meanDifference(await at(24), second)).toBeLessThan(6); // the cut is still at 1 s
  });

  it('a missing encoder is a clear error and writes nothing; cancel writes nothing', async () => {
    const before = await readdir(fixture.dir);
    const options = { fps: 24, width: 320, height: 180, captions: false, srt: false, crossfadeSeconds: 0 } as const;
    await expect(exportMp4(fixture.input, { ...options, ffmpeg: '/nonexistent/ffmpeg' }, outPath(fixture, 'none.mp4'))).rejects.toMatchObject({ code: 'EXPORT_ENCODER_FAILED', message: expect.stringContaining('Reinstall Castboard') as unknown });
    const controller = new AbortController();
    const cancelled = exportMp4(fixture.input, options, outPath(fixture, 'cancelled.mp4'), { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await readdir(fixture.dir)).toEqual(before);
  });
});
