/**
 * Consistency channels: check the open project's takes against their characters' reference
 * faces, on this computer (free: nothing goes to the gateway). Progress is pushed while a check
 * runs; results of background checks of new takes are pushed too.
 */
import { z } from 'zod';
import { ConsistencyThresholdSchema, ReferenceFaceCheckSchema, TakeConsistencySchema } from '../../domain/consistency';
import { ImageRefSchema } from '../../domain/project';
import { channel, noPayload } from '../define';

const ids = z.array(z.string().min(1).max(64)).max(5000);
const results = z.array(TakeConsistencySchema).max(100_000);

export const consistencyChannels = {
  /** Checks the active take of these panels (default every panel), or exactly these takes. */
  'consistency:check': channel(
    z.object({ panelIds: ids.optional(), takeIds: ids.optional(), threshold: ConsistencyThresholdSchema.optional() }).strict(),
    z.object({ results }).strict(),
  ),
  /**
   * Whether the check can use this reference image of the open project (one face, none, several,
   * unreadable): asked when a reference is added and when a card shows one. The detection is
   * the check's own and is cached for it, so asking costs the later check nothing.
   */
  'consistency:referenceFace': channel(z.object({ image: ImageRefSchema }).strict(), ReferenceFaceCheckSchema),
  /**
   * The open project's last outcomes, kept in its folder by every check: asked when a project is
   * opened, so the board shows them again (the renderer marks those that went out of date).
   */
  'consistency:saved': channel(noPayload, z.object({ results }).strict()),
};

export const consistencyEvents = {
  'consistency:progress': z.object({ done: z.number().int().min(0), total: z.number().int().min(0) }).strict(),
  /** Outcomes found without being asked (new takes, when "check new takes" is on). */
  'consistency:results': z.object({ results }).strict(),
};
