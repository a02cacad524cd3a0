/**
 * The one place that knows Ideogram's field names and limits (ARCHITECTURE.md §3): sizes per
 * aspect ratio and the JSON bodies for the character and remix models. If the gateway renames a
 * field, this file changes and nothing else.
 */
import { IDEOGRAM_CHARACTER_MODEL, IDEOGRAM_REMIX_MODEL } from '../../../shared/domain/gateway';
import { CastboardError } from '../../../shared/errors';
import type { AspectRatio, RenderingSpeed, RequestParams, StyleType } from './gateway-types';

/** Sizes from Ideogram V3's supported resolution list, about one megapixel each. */
export const SIZE_BY_ASPECT_RATIO: Readonly<Record<AspectRatio, { width: number; height: number }>> = {
  '16:9': { width: 1312, height: 736 },
  '2.39:1': { width: 1536, height: 640 },
  '4:3': { width: 1152, height: 864 },
  '1:1': { width: 1024, height: 1024 },
  '9:16': { width: 736, height: 1312 },
  '3:2': { width: 1248, height: 832 },
};

export function sizeForAspectRatio(ratio: AspectRatio): string {
  const size = SIZE_BY_ASPECT_RATIO[ratio];
  if (!size) throw new CastboardError('GATEWAY_BAD_REQUEST', `The aspect ratio ${String(ratio)} is not supported. Choose another in the project settings.`);
  return `${size.width}x${size.height}`;
}

export interface CommonFields {
  prompt: string;
  n: number;
  size: string;
  referenceDataUrl: string;
  referenceMaskDataUrl?: string;
  seed?: number;
  styleType?: StyleType;
  renderingSpeed?: RenderingSpeed;
  negativePrompt?: string;
}

export interface RemixFields extends CommonFields {
  sourceDataUrl: string;
  imageWeight: number;
}

/** The JSON body of POST /images/generations, as the gateway receives it. */
export interface IdeogramImageBody extends RequestParams {
  response_format: 'b64_json' | 'url';
  character_reference_images: string[];
  character_reference_images_mask?: string[];
  image?: string;
}

function checkRange(value: number, min: number, max: number, message: string): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new CastboardError('GATEWAY_BAD_REQUEST', message);
}

function common(model: string, f: CommonFields): IdeogramImageBody {
  checkRange(f.n, 1, 4, 'Choose between 1 and 4 variations.');
  if (f.seed !== undefined) checkRange(f.seed, 0, 2_147_483_647, 'The seed must be a whole number from 0 to 2147483647.');
  const body: IdeogramImageBody = {
    model,
    prompt: f.prompt,
    n: f.n,
    size: f.size,
    response_format: 'b64_json',
    character_reference_images: [f.referenceDataUrl],
  };
  if (f.referenceMaskDataUrl) body.character_reference_images_mask = [f.referenceMaskDataUrl];
  if (f.seed !== undefined) body.seed = f.seed;
  if (f.styleType) body.style_type = f.styleType;
  if (f.renderingSpeed) body.rendering_speed = f.renderingSpeed;
  if (f.negativePrompt?.trim()) body.negative_prompt = f.negativePrompt.trim();
  return body;
}

export function buildGenerateBody(f: CommonFields): IdeogramImageBody {
  return common(IDEOGRAM_CHARACTER_MODEL, f);
}

export function buildRemixBody(f: RemixFields): IdeogramImageBody {
  checkRange(f.imageWeight, 1, 100, 'The image weight must be a whole number from 1 to 100.');
  return { ...common(IDEOGRAM_REMIX_MODEL, f), image: f.sourceDataUrl, image_weight: f.imageWeight };
}

/** The body without image payloads: what is stored with a take. */
export function paramsOf(body: IdeogramImageBody): RequestParams {
  const { model, prompt, n, size, seed, style_type, rendering_speed, negative_prompt, image_weight } = body;
  const params: RequestParams = { model, prompt, n, size };
  if (seed !== undefined) params.seed = seed;
  if (style_type !== undefined) params.style_type = style_type;
  if (rendering_speed !== undefined) params.rendering_speed = rendering_speed;
  if (negative_prompt !== undefined) params.negative_prompt = negative_prompt;
  if (image_weight !== undefined) params.image_weight = image_weight;
  return params;
}
