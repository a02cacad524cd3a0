/**
 * Request validation of the fake gateway, strict enough that a wrong field name or range in the
 * client's request mapping fails a test: unknown model -> 404, anything malformed -> 400. The
 * accepted shapes mirror docs/architecture.md, "The gateway and money" (Ideogram's own field names).
 */
import { IDEOGRAM_CHARACTER_MODEL, IDEOGRAM_REMIX_MODEL } from '../../../shared/domain/gateway';

export const FAKE_MODELS = [IDEOGRAM_CHARACTER_MODEL, IDEOGRAM_REMIX_MODEL] as const;

export interface ValidGeneration {
  model: string;
  remix: boolean;
  prompt: string;
  n: number;
  width: number;
  height: number;
  responseFormat: 'b64_json' | 'url';
  reference: Buffer;
  seed: number | undefined;
  source: Buffer | undefined;
  imageWeight: number | undefined;
}

export type ValidationResult =
  | { ok: true; value: ValidGeneration }
  | { ok: false; status: 400 | 404; message: string; code: string };

// Ideogram V3's own value lists, written out here (not imported from the app) so the fake checks
// the app's mapping against the API rather than against itself.
const STYLE_TYPES = ['AUTO', 'GENERAL', 'REALISTIC', 'DESIGN', 'FICTION'];
const RENDERING_SPEEDS = ['TURBO', 'DEFAULT', 'QUALITY'];
const MAGIC_PROMPT = ['AUTO', 'ON', 'OFF'];
const PALETTE_PRESETS = ['EMBER', 'FRESH', 'JUNGLE', 'MAGIC', 'MELON', 'MOSAIC', 'PASTEL', 'ULTRAMARINE'];

const has = (list: readonly string[], value: unknown): boolean => list.includes(String(value));

function isPaletteMember(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const member = value as { color_hex?: unknown; color_weight?: unknown };
  const weight = member.color_weight;
  return /^#[0-9A-Fa-f]{6}$/.test(String(member.color_hex)) && (weight === undefined || (typeof weight === 'number' && weight >= 0.05 && weight <= 1));
}

/** Ideogram's ColorPaletteWithPresetNameOrMembers: exactly {name} or {members: [{color_hex, color_weight?}]}. */
function isColorPalette(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Object.keys(value).length !== 1) return false;
  const palette = value as { name?: unknown; members?: unknown };
  if (palette.members === undefined) return has(PALETTE_PRESETS, palette.name);
  return Array.isArray(palette.members) && palette.members.length > 0 && palette.members.every(isPaletteMember);
}

function bad(message: string, code = 'invalid_request'): ValidationResult {
  return { ok: false, status: 400, message, code };
}

function isImageBytes(bytes: Buffer): boolean {
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const webp = bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP';
  return png || jpeg || webp;
}

/** Decodes `data:image/...;base64,...` into bytes that start like an image, else undefined. */
export function decodeImageDataUrl(value: unknown): Buffer | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^data:image\/(png|jpeg|webp);base64,([A-Za-z0-9+/=]+)$/.exec(value);
  if (!match?.[2]) return undefined;
  const bytes = Buffer.from(match[2], 'base64');
  return isImageBytes(bytes) ? bytes : undefined;
}

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function checkOptionalFields(body: Record<string, unknown>): string | undefined {
  if (body.seed !== undefined && !isInt(body.seed, 0, 2_147_483_647)) return 'seed must be an integer';
  if (body.style_type !== undefined && !has(STYLE_TYPES, body.style_type)) return 'style_type is invalid';
  if (body.rendering_speed !== undefined && !has(RENDERING_SPEEDS, body.rendering_speed)) return 'rendering_speed is invalid';
  if (body.magic_prompt !== undefined && !has(MAGIC_PROMPT, body.magic_prompt)) return 'magic_prompt must be AUTO, ON or OFF';
  if (body.color_palette !== undefined && !isColorPalette(body.color_palette)) return 'color_palette must be {name} or {members: [{color_hex}]}';
  if (body.negative_prompt !== undefined && typeof body.negative_prompt !== 'string') return 'negative_prompt must be a string';
  const format = body.response_format;
  if (format !== undefined && format !== 'b64_json' && format !== 'url') return 'response_format must be b64_json or url';
  return undefined;
}

export function validateGeneration(raw: unknown): ValidationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad('Body must be a JSON object');
  const body = raw as Record<string, unknown>;
  if (typeof body.model !== 'string' || !(FAKE_MODELS as readonly string[]).includes(body.model)) {
    return { ok: false, status: 404, message: `The model '${String(body.model)}' does not exist`, code: 'model_not_found' };
  }
  if (typeof body.prompt !== 'string' || body.prompt.trim() === '') return bad('prompt must be a non-empty string');
  const n = body.n ?? 1;
  if (!isInt(n, 1, 4)) return bad('n must be an integer from 1 to 4');
  const size = typeof body.size === 'string' ? /^(\d{2,5})x(\d{2,5})$/.exec(body.size) : null;
  const width = Number(size?.[1]);
  const height = Number(size?.[2]);
  if (!size || !isInt(width, 64, 4096) || !isInt(height, 64, 4096)) return bad('size must be "WxH"');
  const optionalProblem = checkOptionalFields(body);
  if (optionalProblem) return bad(optionalProblem);
  const refs = body.character_reference_images;
  const reference = Array.isArray(refs) && refs.length === 1 ? decodeImageDataUrl(refs[0]) : undefined;
  if (!reference) return bad('character_reference_images must hold exactly one image data URL');
  const remix = body.model !== FAKE_MODELS[0];
  const source = remix ? decodeImageDataUrl(body.image) : undefined;
  if (remix && !source) return bad('image must be an image data URL for remix');
  if (remix && !isInt(body.image_weight, 1, 100)) return bad('image_weight must be an integer from 1 to 100');
  return {
    ok: true,
    value: {
      model: body.model,
      remix,
      prompt: body.prompt,
      n,
      width,
      height,
      responseFormat: (body.response_format as 'b64_json' | 'url' | undefined) ?? 'b64_json',
      reference,
      seed: body.seed as number | undefined,
      source,
      imageWeight: remix ? (body.image_weight as number) : undefined,
    },
  };
}
