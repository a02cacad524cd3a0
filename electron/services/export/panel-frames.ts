/**
 * Video frames of panels, for the animatic (MP4) and the GIF: each panel's active take scaled to
 * fill the frame (centre crop), as raw RGB, optionally with a caption strip burned in along the
 * bottom (panel number, shot, dialogue). A panel without a readable image becomes a grey frame
 * saying why ("No image yet", "Image missing", as the contact sheet and PDF board do), so the
 * timing of the cut stays right and a viewer of the animatic is not left guessing; one whose file
 * could not be read is also noted in `options.problems`, so the export can name it.
 * Invariants: frames come out in panel order with at most `ahead` panels decoded at once (memory
 * stays bounded whatever the panel count); image bytes only reach sharp through the decode gate.
 */
import sharp, { type Sharp } from '../image-safety/sharp-gate';
import { decodeImage } from '../image-safety/decode-gate';
import { defaultFontFiles, registerFonts, type FontFiles } from './font';
import type { ImageProblemLog } from './image-problems';
import { throwIfAborted } from './map-limit';
import type { ProductionInput, ProductionPanel } from './production-input';
import { measureFont, renderClamped, type RgbaImage } from './text';

export interface FrameSize {
  width: number;
  height: number;
}

export interface FrameOptions {
  size: FrameSize;
  /** Burn in the caption strip (needs `fonts`). */
  captions?: { fonts: FontFiles };
  signal?: AbortSignal;
  /** Where unreadable image files are noted (the export's report). */
  problems?: ImageProblemLog;
}

const PLACEHOLDER = { r: 96, g: 96, b: 96 };

/** The line burned into the strip: "12 · Close-up · “dialogue”". */
export function captionLine(panel: ProductionPanel): string {
  const words = panel.dialogue.replace(/\s+/g, ' ').trim();
  return [String(panel.number), panel.shot, words ? `“${words}”` : ''].filter(Boolean).join(' · ');
}

async function captionStrip(panel: ProductionPanel, size: FrameSize, fonts: FontFiles): Promise<{ image: RgbaImage | null; height: number }> {
  const px = Math.max(12, Math.round(size.height / 28));
  const metrics = await measureFont(px, fonts);
  const pad = Math.round(px * 0.6);
  const image = await renderClamped({ text: captionLine(panel), style: { px, colour: '#ffffff' }, width: size.width - 2 * pad, maxLines: 2, metrics }, fonts);
  return { image, height: (image?.height ?? metrics.first) + 2 * pad };
}

/** The take filling the frame, as raw RGB; throws when its file cannot be read or decoded. */
async function takeFrame(input: ProductionInput, imagePath: string, size: FrameSize): Promise<Buffer> {
  const bytes = await input.readImage(imagePath);
  return decodeImage(bytes, { failOn: 'error' }).resize(size.width, size.height, { fit: 'cover' }).flatten({ background: '#000000' }).removeAlpha().raw().toBuffer();
}

/** Raw RGB of an image that may have gained an alpha channel (compositing RGBA overlays adds one). */
async function rgb(image: Sharp, size: FrameSize): Promise<Buffer> {
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  if (info.channels === 3) return data;
  return sharp(data, { raw: { ...size, channels: info.channels } }).removeAlpha().raw().toBuffer();
}

/** The grey frame of a panel without a readable image, with the reason centred on it. */
async function placeholderFrame(size: FrameSize, label: string, fonts: FontFiles): Promise<Buffer> {
  await registerFonts(fonts);
  const px = Math.max(10, Math.round(size.height / 16));
  const metrics = await measureFont(px, fonts);
  const text = await renderClamped({ text: label, style: { px, colour: '#d9d9d9' }, width: size.width - 2 * px, maxLines: 1, metrics }, fonts);
  const grey = sharp({ create: { ...size, channels: 3, background: PLACEHOLDER } });
  if (!text) return grey.raw().toBuffer();
  const overlay = { input: text.data, raw: { width: text.width, height: text.height, channels: 4 as const }, left: Math.round((size.width - text.width) / 2), top: Math.round((size.height - text.height) / 2) };
  return rgb(grey.composite([overlay]), size);
}

async function baseFrame(input: ProductionInput, panel: ProductionPanel, options: FrameOptions): Promise<Sharp> {
  const { size } = options;
  let label = 'No image yet';
  if (panel.imagePath) {
    const imagePath = panel.imagePath;
    const decoded = await takeFrame(input, imagePath, size).catch((error: unknown) => {
      options.problems?.record(imagePath, error);
      return null;
    });
    if (decoded) return sharp(decoded, { raw: { ...size, channels: 3 } });
    label = 'Image missing';
  }
  const frame = await placeholderFrame(size, label, options.captions?.fonts ?? defaultFontFiles());
  return sharp(frame, { raw: { ...size, channels: 3 } });
}

/** One panel's frame as raw RGB (width * height * 3 bytes). */
export async function panelFrame(input: ProductionInput, panel: ProductionPanel, options: FrameOptions): Promise<Buffer> {
  const { size } = options;
  const base = await baseFrame(input, panel, options);
  const fonts = options.captions?.fonts;
  if (!fonts) return base.raw().toBuffer();
  await registerFonts(fonts);
  const strip = await captionStrip(panel, size, fonts);
  const top = size.height - strip.height;
  const stripBox = { input: { create: { width: size.width, height: strip.height, channels: 4 as const, background: { r: 0, g: 0, b: 0, alpha: 0.62 } } }, left: 0, top };
  const text = strip.image ? [{ input: strip.image.data, raw: { width: strip.image.width, height: strip.image.height, channels: 4 as const }, left: Math.round((size.width - strip.image.width) / 2), top: top + Math.round((strip.height - strip.image.height) / 2) }] : [];
  return rgb(base.composite([stripBox, ...text]), size);
}

/** Frames in panel order, rendering up to `ahead` panels in advance. */
export async function* panelFrames(input: ProductionInput, options: FrameOptions, ahead = 3): AsyncGenerator<{ panel: ProductionPanel; frame: Buffer }> {
  const pending: Array<Promise<Buffer>> = [];
  const panels = input.panels;
  let next = 0;
  const fill = () => {
    while (next < panels.length && pending.length < ahead) {
      const panel = panels[next] as ProductionPanel;
      const rendering = panelFrame(input, panel, options);
      rendering.catch(() => undefined); // awaited below; this only stops an unhandled rejection on cancel
      pending.push(rendering);
      next += 1;
    }
  };
  try {
    for (const panel of panels) {
      throwIfAborted(options.signal);
      fill();
      const frame = await (pending.shift() as Promise<Buffer>);
      yield { panel, frame };
    }
  } finally {
    await Promise.allSettled(pending);
  }
}
