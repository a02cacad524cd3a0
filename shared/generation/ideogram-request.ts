/**
 * The one place that knows Ideogram's field names and limits (docs/architecture.md, "The gateway and money"): sizes per
 * aspect ratio and the JSON bodies for the character and remix models. If the gateway renames a
 * field, this file changes and nothing else. Pure (no image bytes, no I/O): the gateway client
 * passes data URLs as the images, the prompt preview and `generate --dry-run` pass placeholders,
 * so what the artist is shown is built by the very function that builds what is sent.
 */
import { IDEOGRAM_CHARACTER_MODEL, IDEOGRAM_REMIX_MODEL, SEED_MAX } from '../domain/ideogram-models';
import type { ColorPalette, MagicPrompt, RenderingSpeed, StyleType } from '../domain/ideogram-controls';
import type { AspectRatio } from '../domain/project';
import { CastboardError } from '../errors';
import { buildPanelPrompt, buildRestylePrompt, type PromptCharacter } from './panel-prompt';
import type { Framing } from './shot-words';

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

/** Ideogram's controls, as resolved for one request (project values with the panel's overrides). */
export interface IdeogramControls {
  styleType?: StyleType;
  renderingSpeed?: RenderingSpeed;
  magicPrompt?: MagicPrompt;
  negativePrompt?: string;
  colorPalette?: ColorPalette | null;
}

export interface StyleInput extends IdeogramControls {
  /** The project's style words, appended to every generate prompt. */
  prompt?: string;
}

/** Everything a generate request is made of, except the reference image's bytes. */
export interface GenerateRequest extends Framing {
  scene: string;
  action?: string;
  character: PromptCharacter;
  style?: StyleInput;
  aspectRatio: AspectRatio;
  /** 1-4. */
  variations: number;
  seed?: number;
}

/** Everything a restyle request is made of, except the source take's and the reference's bytes. */
export interface RestyleRequest {
  /** The target style (and scene changes) in words. */
  stylePrompt: string;
  /** 1-100: how much of the source to keep. */
  imageWeight: number;
  character: PromptCharacter;
  /** Optional scene text, so the remix keeps the panel's content in words too. */
  scene?: string;
  style?: IdeogramControls;
  aspectRatio: AspectRatio;
  /** 1-4, default 1. */
  variations?: number;
  seed?: number;
}

/** The images of a request: data URLs when sending, placeholders in a preview. */
export interface RequestImages {
  reference: string;
  mask?: string;
  /** The take to restyle (remix only). */
  source?: string;
}

export type IdeogramColorPalette = { name: string } | { members: Array<{ color_hex: string }> };

/** The JSON body of POST /images/generations, as the gateway receives it. */
export interface IdeogramImageBody {
  model: string;
  prompt: string;
  n: number;
  size: string;
  response_format: 'b64_json' | 'url';
  character_reference_images: string[];
  character_reference_images_mask?: string[];
  seed?: number;
  style_type?: StyleType;
  rendering_speed?: RenderingSpeed;
  magic_prompt?: MagicPrompt;
  negative_prompt?: string;
  color_palette?: IdeogramColorPalette;
  image?: string;
  image_weight?: number;
}

/** What was asked, without the image payloads: flat scalars, kept with a take or a pending job. */
export interface RequestParams {
  model: string;
  prompt: string;
  n: number;
  size: string;
  seed?: number;
  style_type?: StyleType;
  rendering_speed?: RenderingSpeed;
  magic_prompt?: MagicPrompt;
  negative_prompt?: string;
  /** A preset name, or the hex colours joined with commas. */
  color_palette?: string;
  image_weight?: number;
}

function checkRange(value: number, min: number, max: number, message: string): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new CastboardError('GATEWAY_BAD_REQUEST', message);
}

function paletteField(palette: ColorPalette): IdeogramColorPalette {
  return 'preset' in palette ? { name: palette.preset } : { members: palette.colors.map((color) => ({ color_hex: color.toUpperCase() })) };
}

interface CommonFields {
  prompt: string;
  n: number;
  aspectRatio: AspectRatio;
  seed?: number;
  controls?: IdeogramControls;
}

function common(model: string, f: CommonFields, images: RequestImages): IdeogramImageBody {
  checkRange(f.n, 1, 4, 'Choose between 1 and 4 variations.');
  if (f.seed !== undefined) checkRange(f.seed, 0, SEED_MAX, `The seed must be a whole number from 0 to ${SEED_MAX}.`);
  const controls = f.controls ?? {};
  const body: IdeogramImageBody = {
    model,
    prompt: f.prompt,
    n: f.n,
    size: sizeForAspectRatio(f.aspectRatio),
    response_format: 'b64_json',
    character_reference_images: [images.reference],
  };
  if (images.mask) body.character_reference_images_mask = [images.mask];
  if (f.seed !== undefined) body.seed = f.seed;
  if (controls.styleType) body.style_type = controls.styleType;
  if (controls.renderingSpeed) body.rendering_speed = controls.renderingSpeed;
  if (controls.magicPrompt) body.magic_prompt = controls.magicPrompt;
  const negative = controls.negativePrompt?.replace(/\s+/g, ' ').trim();
  if (negative) body.negative_prompt = negative;
  if (controls.colorPalette) body.color_palette = paletteField(controls.colorPalette);
  return body;
}

/** The body of a generate request (Ideogram Character). */
export function generateBody(request: GenerateRequest, images: RequestImages): IdeogramImageBody {
  const prompt = buildPanelPrompt({ ...request, stylePrompt: request.style?.prompt });
  return common(IDEOGRAM_CHARACTER_MODEL, { prompt, n: request.variations, aspectRatio: request.aspectRatio, seed: request.seed, controls: request.style }, images);
}

/** The body of a restyle request (Ideogram Character Remix). */
export function remixBody(request: RestyleRequest, images: RequestImages): IdeogramImageBody {
  checkRange(request.imageWeight, 1, 100, 'The image weight must be a whole number from 1 to 100.');
  if (images.source === undefined) throw new CastboardError('GATEWAY_BAD_REQUEST', 'There is no image to restyle. Generate the panel first.');
  const prompt = buildRestylePrompt(request);
  const fields = { prompt, n: request.variations ?? 1, aspectRatio: request.aspectRatio, seed: request.seed, controls: request.style };
  return { ...common(IDEOGRAM_REMIX_MODEL, fields, images), image: images.source, image_weight: request.imageWeight };
}

/** The body without image payloads: what is stored with a take. */
export function paramsOf(body: IdeogramImageBody): RequestParams {
  const { model, prompt, n, size, seed, style_type, rendering_speed, magic_prompt, negative_prompt, color_palette, image_weight } = body;
  const params: RequestParams = { model, prompt, n, size };
  if (seed !== undefined) params.seed = seed;
  if (style_type !== undefined) params.style_type = style_type;
  if (rendering_speed !== undefined) params.rendering_speed = rendering_speed;
  if (magic_prompt !== undefined) params.magic_prompt = magic_prompt;
  if (negative_prompt !== undefined) params.negative_prompt = negative_prompt;
  if (color_palette !== undefined) params.color_palette = 'name' in color_palette ? color_palette.name : color_palette.members.map((member) => member.color_hex).join(',');
  if (image_weight !== undefined) params.image_weight = image_weight;
  return params;
}

/** A palette as paramsOf flattened it: a preset's name, or its hex colours joined with commas. */
function paletteFromParam(value: string): IdeogramColorPalette {
  const colors = value.split(',');
  return colors.every((color) => /^#[0-9A-F]{6}$/i.test(color)) ? { members: colors.map((color) => ({ color_hex: color })) } : { name: value };
}

/**
 * The body of a request sent before, rebuilt from what was kept of it (paramsOf) and its images:
 * the same model, prompt and controls, so a Retry after a restart sends the same kind of request.
 * A remix needs its source image and weight back; without them nothing is built.
 */
export function bodyFromParams(params: RequestParams, images: RequestImages): IdeogramImageBody {
  const { model, prompt, n, size, seed, style_type, rendering_speed, magic_prompt, negative_prompt, color_palette, image_weight } = params;
  const body: IdeogramImageBody = { model, prompt, n, size, response_format: 'b64_json', character_reference_images: [images.reference] };
  if (images.mask) body.character_reference_images_mask = [images.mask];
  if (seed !== undefined) body.seed = seed;
  if (style_type !== undefined) body.style_type = style_type;
  if (rendering_speed !== undefined) body.rendering_speed = rendering_speed;
  if (magic_prompt !== undefined) body.magic_prompt = magic_prompt;
  if (negative_prompt !== undefined) body.negative_prompt = negative_prompt;
  if (color_palette !== undefined) body.color_palette = paletteFromParam(color_palette);
  if (model !== IDEOGRAM_REMIX_MODEL) return body;
  if (images.source === undefined || image_weight === undefined) throw new CastboardError('GATEWAY_BAD_REQUEST', 'There is no image to restyle. Generate the panel first.');
  return { ...body, image: images.source, image_weight };
}
