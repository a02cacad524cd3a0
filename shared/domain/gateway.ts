/** Gateway facts the renderer shows: the result of "Test connection". */
import { z } from 'zod';

/** The largest seed Ideogram accepts (a signed 32-bit integer); seeds run from 0 to this. */
export const SEED_MAX = 2_147_483_647;

export const IDEOGRAM_CHARACTER_MODEL = 'ideogram/ideogram-character';
export const IDEOGRAM_REMIX_MODEL = 'ideogram/ideogram-character-remix';

export const ConnectionTestSchema = z
  .object({
    ok: z.boolean(),
    /** One sentence for the artist: what worked, or what failed and what to do. */
    message: z.string(),
    models: z.array(z.object({ id: z.string(), available: z.boolean() })),
    /** Null when the gateway has no /balance endpoint. */
    balanceCents: z.number().nullable(),
  })
  .strict();
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;
