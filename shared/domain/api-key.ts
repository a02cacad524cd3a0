/**
 * What the renderer may know about the API key: whether there is one, its last four characters,
 * and how well it is protected. The key itself never leaves the main process.
 */
import { z } from 'zod';

/**
 * - encrypted: OS keychain/DPAPI/libsecret protects it (safeStorage).
 * - plain-text-fallback: Linux without a keyring (safeStorage's basic_text backend) — the key would
 *   be stored with a hard-coded password, i.e. barely protected. The UI warns and offers session-only.
 * - session-only: kept in memory only, forgotten when Castboard quits.
 */
export const KeyStorageSchema = z.enum(['encrypted', 'plain-text-fallback', 'session-only']);
export type KeyStorage = z.infer<typeof KeyStorageSchema>;

export const KeyStatusSchema = z
  .object({
    hasKey: z.boolean(),
    last4: z.string().max(4).nullable(),
    /** With a key: how it is kept. Without: how a new key would be kept. */
    storage: KeyStorageSchema,
  })
  .strict();
export type KeyStatus = z.infer<typeof KeyStatusSchema>;

export const SetKeyRequestSchema = z
  .object({
    key: z
      .string()
      .trim()
      .min(8, 'That key looks too short. Paste the whole key from your AIgateway dashboard.')
      .max(512, 'That key is too long to be an AIgateway key.')
      .regex(/^[\x21-\x7e]+$/, 'The key has spaces or unusual characters. Paste it again without extra text.'),
    sessionOnly: z.boolean().default(false),
  })
  .strict();
