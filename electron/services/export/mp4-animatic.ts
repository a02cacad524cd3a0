/**
 * The animatic as MP4 for the edit: H.264 in yuv420p (plays everywhere), 24/25/30 fps, each panel
 * held for its duration, made by the ffmpeg that ships with the app (ffmpeg-path.ts).
 * Invariants:
 *  - frames are rendered one panel at a time and streamed to ffmpeg's stdin as raw RGB (no temp
 *    folder of images); cuts are frame-exact from the running time (cutFrames), so the video
 *    lasts the sum of the durations to within one frame;
 *  - an optional cross-fade blends the last frames of a panel into the next without changing
 *    any cut time; an optional caption strip is burned in; an optional .srt of the dialogue is
 *    written beside the video; a panel whose image file cannot be read is a grey frame and is
 *    named in the result (missingImages, imageProblems);
 *  - the video (and .srt) appear under their final names only when complete; cancel kills ffmpeg
 *    and leaves nothing.
 */
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';
import { ffmpegPath } from './ffmpeg-path';
import { startFfmpeg, type FfmpegPipe } from './ffmpeg-run';
import type { FontFiles } from './font';
import { defaultFontFiles } from './font';
import { ImageProblemLog, type ImageReport } from './image-problems';
import { assertExtension, assertWritableFolder, writeOutputs, writeStaged } from './output-files';
import { panelFrames } from './panel-frames';
import { cutFrames, type ProductionInput } from './production-input';
import { srtDocument } from './srt';

export interface Mp4Options {
  fps: 24 | 25 | 30;
  width: number;
  height: number;
  captions: boolean;
  srt: boolean;
  crossfadeSeconds: number;
  fonts?: FontFiles;
  /** The ffmpeg binary (default: the packaged one). */
  ffmpeg?: string;
}

export interface Mp4RunOptions {
  overwrite?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

/** `step`: output frames each piped frame stands for (ffmpeg repeats it to the output rate). */
export function ffmpegArgs(options: Pick<Mp4Options, 'fps' | 'width' | 'height'>, output: string, step = 1): string[] {
  return [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${options.width}x${options.height}`, '-r', `${options.fps}/${step}`, '-i', 'pipe:0',
    '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'stillimage', '-crf', '20', '-pix_fmt', 'yuv420p',
    '-r', String(options.fps), '-movflags', '+faststart', '-f', 'mp4', output,
  ];
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * How many output frames one piped frame can stand for. Without a fade every panel is held for a
 * whole number of these steps (1 s panels at 24 fps: 24), so each still crosses the pipe once per
 * step instead of once per frame and ffmpeg repeats it; the cuts stay where cutFrames puts them.
 * A fade needs every frame.
 */
export function holdStep(cuts: readonly number[], fadeFrames: number): number {
  if (fadeFrames > 0) return 1;
  let step = 0;
  for (let i = 1; i < cuts.length; i += 1) step = gcd((cuts[i] ?? 0) - (cuts[i - 1] ?? 0), step);
  return Math.max(1, step);
}

/** `a` faded towards `b` by `t` (0..1), byte by byte. */
function blend(a: Buffer, b: Buffer, t: number): Buffer {
  const out = Buffer.allocUnsafe(a.length);
  const weight = Math.round(t * 256);
  for (let i = 0; i < a.length; i += 1) out[i] = ((a[i] ?? 0) * (256 - weight) + (b[i] ?? 0) * weight) >> 8;
  return out;
}

async function streamFrames(input: ProductionInput, options: Mp4Options, pipe: FfmpegPipe, run: Mp4RunOptions, step: number, problems: ImageProblemLog): Promise<void> {
  const cuts = cutFrames(input.panels, options.fps);
  const size = { width: options.width, height: options.height };
  const captions = options.captions ? { fonts: options.fonts ?? defaultFontFiles() } : undefined;
  let previous: { frame: Buffer; frames: number } | null = null;
  let index = 0;
  const fadeFrames = Math.round(options.crossfadeSeconds * options.fps);
  for await (const { frame } of panelFrames(input, { size, problems, ...(captions ? { captions } : {}), ...(run.signal ? { signal: run.signal } : {}) })) {
    if (previous) await writeHeld(pipe, previous, frame, fadeFrames);
    previous = { frame, frames: ((cuts[index + 1] ?? 0) - (cuts[index] ?? 0)) / step };
    index += 1;
    run.onProgress?.({ done: index, total: input.panels.length });
  }
  if (previous) await writeHeld(pipe, previous, null, 0);
}

/** A panel's frames; with a next panel and a fade, its last frames dissolve into the next one. */
async function writeHeld(pipe: FfmpegPipe, held: { frame: Buffer; frames: number }, next: Buffer | null, fadeFrames: number): Promise<void> {
  const fade = next ? Math.min(fadeFrames, held.frames - 1) : 0;
  for (let i = 0; i < held.frames - fade; i += 1) await pipe.write(held.frame);
  for (let i = 1; i <= fade && next; i += 1) await pipe.write(blend(held.frame, next, i / (fade + 1)));
}

/** Writes the animatic to `outPath` (.mp4) and, when asked, `<name>.srt` beside it. */
export async function exportMp4(input: ProductionInput, options: Mp4Options, outPath: string, run: Mp4RunOptions = {}): Promise<{ files: string[]; frames: number } & ImageReport> {
  const target = path.resolve(outPath);
  assertExtension(target, '.mp4', 'The animatic');
  if (input.panels.length === 0) throw new CastboardError('EXPORT_EMPTY', 'There are no panels to animate. Add panels first.');
  if (options.width % 2 || options.height % 2) throw new CastboardError('EXPORT_INVALID_OPTIONS', `The video size must be even in both directions (${options.width}x${options.height} is not).`);
  const binary = ffmpegPath(options.ffmpeg);
  await assertWritableFolder(path.dirname(target));
  const srt = target.replace(/\.mp4$/i, '.srt');
  const targets = options.srt ? [target, srt] : [target];
  const cuts = cutFrames(input.panels, options.fps);
  const step = holdStep(cuts, Math.round(options.crossfadeSeconds * options.fps));
  const problems = new ImageProblemLog();
  const files = await writeOutputs(targets, run.overwrite ?? false, async (temp, file) => {
    if (file === srt) return writeStaged(temp, Buffer.from(srtDocument(input.panels, cuts, options.fps), 'utf8'), file);
    const pipe = startFfmpeg(binary, ffmpegArgs(options, temp, step), run.signal);
    try {
      await streamFrames(input, options, pipe, run, step, problems);
    } catch (error) {
      pipe.kill();
      throw error;
    }
    await pipe.finish();
  });
  return { files, frames: cuts.at(-1) ?? 0, ...problems.report(input.panels) };
}
