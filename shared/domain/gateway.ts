/**
 * Gateway facts the renderer shows: the result of "Test connection". The models and the seed range
 * are in ideogram-models.ts (free of zod), re-exported here.
 */
import { z } from 'zod';

export * from './ideogram-models';

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
