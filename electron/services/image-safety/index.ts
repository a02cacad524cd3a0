/** Image safety: the gate for every image received or imported, and upload preparation. */
export { sniffImageFormat, type AllowedImageFormat } from './image-format';
export { blockUntrustedImageLoaders } from './loader-block';
export { verifyAndNormalizeImage, DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, type VerifiedImage, type VerifyImageOptions } from './verify-image';
export { prepareReferenceImage, DEFAULT_MAX_UPLOAD_BYTES, type PreparedReferenceImage, type ReferenceImageOptions } from './reference-image';
export { decodeImage } from './decode-gate';
