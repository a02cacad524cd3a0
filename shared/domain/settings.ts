/**
 * App settings (not per-project): where the gateway is, how hard to drive it, what an image costs.
 * Stored by electron-store in the app, by conf in tests (same file format). Every field has a
 * default so a missing or partly damaged settings file still yields usable settings.
 */
import { z } from 'zod';

export const DEFAULT_GATEWAY_BASE_URL = 'https://api.aigateway.sh/v1';

export const StyleTypeSchema = z.enum(['AUTO', 'REALISTIC', 'FICTION']);
export const RenderingSpeedSchema = z.enum(['TURBO', 'DEFAULT', 'QUALITY']);

const httpUrl = z
  .string()
  .trim()
  .url({ message: 'Enter a full URL such as https://api.aigateway.sh/v1' })
  .refine((value) => /^https?:\/\//i.test(value), { message: 'The gateway URL must start with http:// or https://' })
  .transform((value) => value.replace(/\/+$/, ''));

export const SettingsSchema = z.object({
  gatewayBaseUrl: httpUrl.default(DEFAULT_GATEWAY_BASE_URL),
  /** Most requests in flight at once; the queue may use fewer when the gateway asks it to slow down. */
  concurrency: z.number().int().min(1).max(32).default(10),
  /** Longest wait for one request's answer; after it the outcome is unknown (never resent by itself). */
  requestTimeoutSeconds: z.number().int().min(5).max(3600).default(180),
  /** Longest Retry-After waited out by itself; a longer one pauses the batch with a message. */
  retryAfterCapSeconds: z.number().int().min(1).max(86_400).default(600),
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
    requestTimeoutSeconds: SettingsSchema.shape.requestTimeoutSeconds.unwrap(),
    retryAfterCapSeconds: SettingsSchema.shape.retryAfterCapSeconds.unwrap(),
    pricePerImageCents: SettingsSchema.shape.pricePerImageCents.unwrap(),
    autosaveDelayMs: SettingsSchema.shape.autosaveDelayMs.unwrap(),
    defaultVariations: SettingsSchema.shape.defaultVariations.unwrap(),
    defaultStyleType: StyleTypeSchema,
    defaultRenderingSpeed: RenderingSpeedSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
