/**
 * The font every export draws with: DejaVu Sans from the dejavu-fonts-ttf package, never a system
 * font, so a sheet looks the same on every machine (and text is not silently blank where
 * fontconfig finds nothing).
 * Invariants:
 *  - paths are injectable (the packaged app passes its asar-unpacked copy);
 *  - both faces are registered with libvips before any export text is drawn, so `<b>` always
 *    picks the real bold face and output does not depend on what was drawn first.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from '../image-safety/sharp-gate';

export interface FontFiles {
  regular: string;
  bold: string;
}

/** Pango family name inside the DejaVu Sans TTFs (font files register under this name). */
export const FONT_FAMILY = 'DejaVu Sans';

/**
 * The packaged fonts. Inside an asar archive libvips cannot read the file, so the unpacked copy
 * is preferred when it exists (electron-builder `asarUnpack`).
 */
export function defaultFontFiles(): FontFiles {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const unpack = (file: string) => {
    const unpacked = file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
    return unpacked !== file && existsSync(unpacked) ? unpacked : file;
  };
  return { regular: unpack(path.join(dir, 'DejaVuSans.ttf')), bold: unpack(path.join(dir, 'DejaVuSans-Bold.ttf')) };
}

const registered = new Map<string, Promise<void>>();

/** Loads both faces into libvips once per process (it keeps font files registered globally). */
export function registerFonts(fonts: FontFiles): Promise<void> {
  const key = `${fonts.regular}\n${fonts.bold}`;
  let done = registered.get(key);
  if (!done) {
    done = (async () => {
      for (const [file, face] of [[fonts.regular, ''], [fonts.bold, ' Bold']] as const) {
        if (!existsSync(file)) throw new Error(`Export font file not found: ${file}`);
        await sharp({ text: { text: 'x', fontfile: file, font: `${FONT_FAMILY}${face} 8` } }).raw().toBuffer();
      }
    })();
    done.catch(() => registered.delete(key));
    registered.set(key, done);
  }
  return done;
}

/**
 * Starts loading the export font (default files unless given) so a caller can do other work
 * meanwhile: libvips sets up its text engine on sharp's worker threads, the first text of a
 * process costing tens of milliseconds. Nothing to await; a failure is reported by the export
 * itself, which registers the fonts again (a failed registration is not kept).
 */
export function warmUpExportFonts(fonts: FontFiles = defaultFontFiles()): void {
  registerFonts(fonts).catch(() => undefined);
}

/** The bytes of both faces, for exports that embed the font itself (the PDF board). */
export async function readFontBytes(fonts: FontFiles): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  const [regular, bold] = await Promise.all([readFile(fonts.regular), readFile(fonts.bold)]);
  return { regular, bold };
}
