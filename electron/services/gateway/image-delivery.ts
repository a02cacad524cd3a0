/**
 * Turns answer image references into verified PNGs: decodes b64 data or downloads URLs at once
 * (they expire), verifies and re-encodes every image, and works out the cost. All images must pass
 * or the whole answer fails: the caller then keeps nothing, so a bad answer never replaces a take.
 */
import { PaidWithoutImageSchema } from '../../../shared/domain/project';
import { verifyAndNormalizeImage } from '../image-safety/verify-image';
import { throwIfAborted } from './clock';
import type { ImageRef } from './answer-shapes';
import type { GeneratedImage } from './gateway-types';

export interface DeliveryDeps {
  /** Downloads one URL (with its own retries). */
  download: (url: string) => Promise<Buffer>;
  maxImagePixels: number;
  maxImageBytes: number;
  signal?: AbortSignal;
  onDownloading?: () => void;
}

/**
 * The images of an answer that are kept: at most the `asked` of the request. A gateway that sends
 * more was not asked for them; storing them all could take a panel past its take cap (the project
 * then refuses the whole result, so even the images asked for could not be stored).
 */
export function imagesToKeep(refs: ImageRef[], asked: number): { kept: ImageRef[]; extra: number } {
  return { kept: refs.slice(0, asked), extra: Math.max(0, refs.length - asked) };
}

export async function deliverImages(refs: ImageRef[], deps: DeliveryDeps): Promise<GeneratedImage[]> {
  if (refs.some((ref) => ref.kind === 'url')) deps.onDownloading?.();
  // Download everything first: URLs expire, verification can wait.
  const raw: Array<{ bytes: Buffer; seed?: number }> = [];
  for (const ref of refs) {
    throwIfAborted(deps.signal);
    const bytes = ref.kind === 'b64' ? Buffer.from(ref.data, 'base64') : await deps.download(ref.url);
    raw.push({ bytes, seed: ref.seed });
  }
  const images: GeneratedImage[] = [];
  for (const { bytes, seed } of raw) {
    throwIfAborted(deps.signal);
    const verified = await verifyAndNormalizeImage(bytes, { origin: 'gateway', maxPixels: deps.maxImagePixels, maxBytes: deps.maxImageBytes });
    images.push(seed === undefined ? verified : { ...verified, seed });
  }
  return images;
}

/**
 * The most one request can be recorded as costing (the project's own cap on a paid record). A
 * header above it (or too long to be a number) is a gateway's mistake, not a price: taken at face
 * value it would make the takes impossible to save, holding a paid image out of the project.
 */
const MAX_REQUEST_CENTS = PaidWithoutImageSchema.shape.costCents.maxValue ?? 1_000_000;

/** X-Cost-Cents when present, readable and plausible, else the price setting per image. */
export function costOf(headers: Headers, images: number, pricePerImageCents: number): { costCents: number; costSource: 'header' | 'price' } {
  const header = headers.get('x-cost-cents')?.trim();
  if (header && /^\d+(\.\d+)?$/.test(header) && Number(header) <= MAX_REQUEST_CENTS) return { costCents: Number(header), costSource: 'header' };
  return { costCents: images * pricePerImageCents, costSource: 'price' };
}
