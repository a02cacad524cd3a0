/**
 * sharp, as every service must use it: importing this module applies the loader block
 * (loader-block.ts) before any code can hand sharp an image, so no decode ever runs with the SVG,
 * PDF, TIFF... loaders enabled, and a process that never touches an image (`castboard --help`,
 * `info`) never loads sharp at all. Lint forbids importing 'sharp' anywhere else in electron/.
 */
import sharp from 'sharp';
import { blockUntrustedImageLoaders } from './loader-block';

blockUntrustedImageLoaders();

export default sharp;
export type { Metadata, OverlayOptions, Sharp, SharpOptions } from 'sharp';
