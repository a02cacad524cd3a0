/**
 * Image references inside a project document. Every image the document names is a
 * project-relative path `images/<sha256 of the PNG bytes>.png`: content-addressed, so a name
 * always means the same bytes, and confined, so a document can never point Castboard at a file
 * outside its own folder (`../../etc/passwd`, `/etc/passwd`, `C:\...`, `images\x.png` are refused
 * with a message saying which rule they break). Free of zod (the schema is in
 * project-primitives.ts), so reading a project does not load it.
 */
export const IMAGES_DIR = 'images';
export const IMAGE_REF_PATTERN = /^images\/[0-9a-f]{64}\.png$/;

/** A project-relative image path: `images/<64 lowercase hex>.png`. */
export type ImageRef = string;

/** Why a string is not an acceptable image reference, or null when it is one. */
export function imageRefProblem(value: string): string | null {
  if (IMAGE_REF_PATTERN.test(value)) return null;
  const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (value.includes('\\')) return `the image path ${shown} uses backslashes; image paths use "/" and stay inside the project folder`;
  if (value.startsWith('/') || /^[a-zA-Z]:/.test(value) || value.startsWith('//')) {
    return `the image path ${shown} is an absolute path outside the project folder; images must live in the project's images/ folder`;
  }
  if (value.split('/').some((segment) => segment === '..')) {
    return `the image path ${shown} points outside the project folder`;
  }
  return `the image path ${shown} is not a Castboard image name (expected images/<64 hex digits>.png)`;
}

export function isImageRef(value: unknown): value is ImageRef {
  return typeof value === 'string' && IMAGE_REF_PATTERN.test(value);
}

/** The sha256 hex digest named by a reference. */
export function imageRefHash(ref: ImageRef): string {
  return ref.slice(IMAGES_DIR.length + 1, -'.png'.length);
}

export function imageRefFromHash(sha256Hex: string): ImageRef {
  const ref = `${IMAGES_DIR}/${sha256Hex.toLowerCase()}.png`;
  if (!IMAGE_REF_PATTERN.test(ref)) throw new Error(`Not a sha256 hex digest: ${sha256Hex}`);
  return ref;
}
