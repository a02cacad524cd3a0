/**
 * Turns a dropped or pasted file into base64 for `project:importImage {source:'bytes'}`. Main
 * verifies and re-encodes it; here we only refuse what is obviously not an image or far too big,
 * so the artist hears about it at once instead of after a 40 MB upload over IPC.
 */

/** Main refuses more than 40 MB of base64 (30 MB of file); say so before reading. */
export const MAX_REFERENCE_BYTES = 30 * 1024 * 1024;

export class ImageFileProblem extends Error {}

export function pickImageFile(files: FileList | readonly File[] | null | undefined): File | null {
  const list = files ? Array.from(files) : [];
  return list.find((file) => file.type.startsWith('image/')) ?? list[0] ?? null;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunk));
  }
  return btoa(binary);
}

export async function readImageFileAsBase64(file: File): Promise<string> {
  if (file.type !== '' && !file.type.startsWith('image/')) {
    throw new ImageFileProblem(`“${file.name}” is not an image. Use a PNG, JPEG or WebP file.`);
  }
  if (file.size > MAX_REFERENCE_BYTES) {
    throw new ImageFileProblem(`“${file.name}” is over 30 MB. Export a smaller copy (a few thousand pixels is plenty) and try again.`);
  }
  return toBase64(new Uint8Array(await file.arrayBuffer()));
}
