/**
 * App settings (not per-project): where the gateway is, how hard to drive it, what an image costs.
 * Stored by electron-store in the app, by conf in tests (same file format). Every field has a
 * default so a missing or partly damaged settings file still yields usable settings.
 */
import { z } from 'zod';

export const DEFAULT_GATEWAY_BASE_URL = 'https://api.aigateway.sh/v1';

export const StyleTypeSchema = z.enum(['AUTO', 'REALISTIC', 'FICTION']);
export const RenderingSpeedSchema = z.enum(['TURBO', 'DEFAULT', 'QUALITY']);

/** Plain http only to this computer (a local gateway or a test server); anything else carries the key, so https. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
export const MAX_GATEWAY_URL_LENGTH = 2048;

function isAllowedGatewayUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}

const httpUrl = z
  .string()
  .max(MAX_GATEWAY_URL_LENGTH, 'That gateway URL is far too long.')
  .trim()
  .url({ message: 'Enter a full URL such as https://api.aigateway.sh/v1' })
  .refine(isAllowedGatewayUrl, { message: 'The gateway URL must start with https:// (plain http:// is only allowed for 127.0.0.1 or localhost).' })
  .transform((value) => value.replace(/\/+$/, ''));

export const SettingsSchema = z.object({
  gatewayBaseUrl: httpUrl.default(DEFAULT_GATEWAY_BASE_URL),
  concurrency: z.number().int().min(1).max(8).default(4),
  /** Used when the gateway does not send X-Cost-Cents. */
  pricePerImageCents: z.number().int().min(0).max(10_000).default(5),
  autosaveDelayMs: z.number().int().min(250).max(60_000).default(1000),
  defaultVariations: z.number().int().min(1).max(4).default(1),
  defaultStyleType: StyleTypeSchema.default('AUTO'),
  defaultRenderingSpeed: RenderingSpeedSchema.default('DEFAULT'),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update; each provided field is validated like the full settings. */
export const SettingsPatchSchema = z
  .object({
    gatewayBaseUrl: httpUrl,
    concurrency: SettingsSchema.shape.concurrency.unwrap(),
    pricePerImageCents: SettingsSchema.shape.pricePerImageCents.unwrap(),
    autosaveDelayMs: SettingsSchema.shape.autosaveDelayMs.unwrap(),
    defaultVariations: SettingsSchema.shape.defaultVariations.unwrap(),
    defaultStyleType: StyleTypeSchema,
    defaultRenderingSpeed: RenderingSpeedSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
