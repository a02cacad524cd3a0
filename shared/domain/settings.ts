/**
 * App settings (not per-project): where the gateway is, how hard to drive it, what an image costs.
 * Stored by conf in `<userData>/settings.json` (the app) or a temp folder (tests, harness). Every field has a
 * default so a missing or partly damaged settings file still yields usable settings.
 * Image controls (style type, rendering speed, variations...) are per project (project.style), so
 * every machine draws a shared project the same way; settings files from older builds that still
 * hold defaultVariations/defaultStyleType/defaultRenderingSpeed are read with those keys dropped.
 */
import { z } from 'zod';
import { ConsistencyThresholdSchema, DEFAULT_CONSISTENCY_THRESHOLD } from './consistency';
import { DEFAULT_GATEWAY_BASE_URL, isAllowedGatewayUrl, MAX_GATEWAY_URL_LENGTH, withoutTrailingSlashes } from './gateway-url';
import { DEFAULT_PRICE_PER_IMAGE_CENTS } from './image-price';

export { DEFAULT_GATEWAY_BASE_URL };

const httpUrl = z
  .string()
  .max(MAX_GATEWAY_URL_LENGTH, 'That gateway URL is far too long.')
  .trim()
  .url({ message: 'Enter a full URL such as https://api.aigateway.sh/v1' })
  .refine(isAllowedGatewayUrl, { message: 'The gateway URL must start with https:// (plain http:// is only allowed for 127.0.0.1 or localhost).' })
  .transform(withoutTrailingSlashes);

export const SettingsSchema = z.object({
  gatewayBaseUrl: httpUrl.default(DEFAULT_GATEWAY_BASE_URL),
  /** Most requests in flight at once; the queue may use fewer when the gateway asks it to slow down. */
  concurrency: z.number().int().min(1).max(32).default(10),
  /** Longest wait for one request's answer; after it the outcome is unknown (never resent by itself). */
  requestTimeoutSeconds: z.number().int().min(5).max(3600).default(180),
  /** Longest Retry-After waited out by itself; a longer one pauses the batch with a message. */
  retryAfterCapSeconds: z.number().int().min(1).max(86_400).default(600),
  /** Used when the gateway does not send X-Cost-Cents. */
  pricePerImageCents: z.number().int().min(0).max(10_000).default(DEFAULT_PRICE_PER_IMAGE_CENTS),
  autosaveDelayMs: z.number().int().min(250).max(60_000).default(1000),
  /** The largest face distance still counted as the same character. */
  consistencyThreshold: ConsistencyThresholdSchema.default(DEFAULT_CONSISTENCY_THRESHOLD),
  /** Check each new take against its character as soon as it arrives (local, free). */
  checkNewTakes: z.boolean().default(false),
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
    consistencyThreshold: ConsistencyThresholdSchema,
    checkNewTakes: z.boolean(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
