/**
 * What an image costs when the gateway does not say: the settings' default price, the cost the
 * gateway client records, and the prices the inspector shows before anything is sent. Free of
 * zod (settings.ts builds its schema with it), so the inspector shows a price without loading it.
 */

/** What one image costs when the gateway sends no X-Cost-Cents ($0.05, Ideogram Character). */
export const DEFAULT_PRICE_PER_IMAGE_CENTS = 5;
