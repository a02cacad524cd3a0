/**
 * Reads a GIF an export wrote. The app blocks sharp's GIF loader process-wide (it never decodes
 * GIFs); a test that reads its own output lifts the block for that one read only.
 */
import { readFile } from 'node:fs/promises';
import sharp, { type Metadata } from 'sharp';

const GIF_LOADERS = ['VipsForeignLoadNsgifBuffer', 'VipsForeignLoadNsgifFile'];

export async function gifMetadata(file: string): Promise<Metadata> {
  sharp.unblock({ operation: GIF_LOADERS });
  try {
    return await sharp(await readFile(file), { animated: true }).metadata();
  } finally {
    sharp.block({ operation: GIF_LOADERS });
  }
}
