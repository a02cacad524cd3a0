/**
 * Consistency channels: check the open project's takes against their characters' reference
 * faces, on this computer (free: nothing goes to the gateway). Progress is pushed while a check
 * runs; results of background checks of new takes are pushed too.
 */
import { z } from 'zod';
import { ConsistencyThresholdSchema, TakeConsistencySchema } from '../../domain/consistency';
import { channel } from '../define';

const ids = z.array(z.string().min(1).max(64)).max(5000);
const results = z.array(TakeConsistencySchema).max(100_000);

export const consistencyChannels = {
  /** Checks the active take of these panels (default every panel), or exactly these takes. */
  'consistency:check': channel(
    z.object({ panelIds: ids.optional(), takeIds: ids.optional(), threshold: ConsistencyThresholdSchema.optional() }).strict(),
    z.object({ results }).strict(),
  ),
};

export const consistencyEvents = {
  'consistency:progress': z.object({ done: z.number().int().min(0), total: z.number().int().min(0) }).strict(),
  /** Outcomes found without being asked (new takes, when "check new takes" is on). */
  'consistency:results': z.object({ results }).strict(),
};
