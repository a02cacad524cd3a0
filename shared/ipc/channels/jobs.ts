/** Generation channels: estimate before spending, start, cancel, resume; progress is pushed. */
import { z } from 'zod';
import { SEED_MAX } from '../../domain/gateway';
import { CostEstimateSchema, QueueSnapshotSchema } from '../../domain/jobs';
import { channel, noPayload } from '../define';

const panelIds = z.array(z.string().min(1)).min(1, 'Select at least one panel.').max(5000);
const variations = z.number().int().min(1).max(4).default(1);

const GenerateRequestSchema = z.object({ panelIds, variations, seed: z.number().int().min(0).max(SEED_MAX).nullable().default(null) }).strict();
const RestyleRequestSchema = z
  .object({
    panelIds,
    stylePrompt: z.string().trim().min(1, 'Describe the style, or pick a preset.').max(2000),
    /** 1-100: how much of the source take to keep. */
    imageWeight: z.number().int().min(1).max(100),
    variations,
  })
  .strict();

export const jobChannels = {
  'jobs:estimate': channel(z.object({ panelIds, variations }).strict(), CostEstimateSchema),
  'jobs:generate': channel(GenerateRequestSchema, z.object({ jobIds: z.array(z.string()) }).strict()),
  'jobs:restyle': channel(RestyleRequestSchema, z.object({ jobIds: z.array(z.string()) }).strict()),
  'jobs:cancel': channel(z.object({ jobId: z.string().min(1) }).strict(), z.null()),
  'jobs:cancelAll': channel(noPayload, z.null()),
  /** Runs a failed job again; an outcome-unknown one with the same Idempotency-Key. */
  'jobs:retry': channel(z.object({ jobId: z.string().min(1) }).strict(), z.null()),
  /** After fixing the key or topping up credits. */
  'jobs:resume': channel(noPayload, z.null()),
  'jobs:snapshot': channel(noPayload, QueueSnapshotSchema),
  /** Forgets finished, failed and cancelled jobs (their messages leave the cards); spend is kept. */
  'jobs:clearFinished': channel(noPayload, z.null()),
};

export const jobEvents = {
  'jobs:progress': QueueSnapshotSchema,
};
