/**
 * What a job accepted before a restart sends again when, after it failed, the artist presses
 * Retry: the same kind of request with the parameters and images it was sent with (a restyle stays
 * a Character Remix with its prompt, image weight and source take). Invariants:
 *  - the kind is the record's own and must agree with the model it names; a record without a kind,
 *    or whose model says otherwise, is never sent again (no guess: a paid image of the wrong kind
 *    is worse than a Retry that says it cannot);
 *  - the images are the record's own (write-once project files); a record written before they were
 *    kept uses the panel's character and the take named by its source_take_id;
 *  - an image that cannot be found or read fails with a message naming it, and nothing is sent.
 */
import { z } from 'zod';
import { IDEOGRAM_CHARACTER_MODEL, IDEOGRAM_REMIX_MODEL } from '../../../shared/domain/ideogram-models';
import { MagicPromptSchema, RenderingSpeedSchema, StyleTypeSchema } from '../../../shared/domain/ideogram-controls';
import type { ImageRef, PendingJob, PendingJobImages, Project } from '../../../shared/domain/project';
import { CastboardError, isCastboardError } from '../../../shared/errors';
import { featuredCharacter } from '../../../shared/generation/request-plan';
import type { RequestParams, ResendInput } from '../gateway/gateway-types';
import type { ResendSource } from '../gateway/queue-types';

/** The param a restyle's pending record and takes use to name the take it restyled. */
export const SOURCE_TAKE_PARAM = 'source_take_id';

type RequestKind = ResendSource['kind'];

const KIND_OF_MODEL: Readonly<Record<string, RequestKind>> = { [IDEOGRAM_CHARACTER_MODEL]: 'generate', [IDEOGRAM_REMIX_MODEL]: 'restyle' };

/** The request fields paramsOf keeps, as read back from project.json (other keys, e.g. source_take_id, are dropped). */
const StoredParamsSchema = z.object({
  model: z.enum([IDEOGRAM_CHARACTER_MODEL, IDEOGRAM_REMIX_MODEL]),
  prompt: z.string().min(1),
  n: z.number().int().min(1).max(4),
  size: z.string().min(1),
  seed: z.number().int().min(0).optional(),
  style_type: StyleTypeSchema.optional(),
  rendering_speed: RenderingSpeedSchema.optional(),
  magic_prompt: MagicPromptSchema.optional(),
  negative_prompt: z.string().optional(),
  color_palette: z.string().optional(),
  image_weight: z.number().int().min(1).max(100).optional(),
});

/** The kind of request a pending job was, or undefined when its record does not say or contradicts itself. */
export function pendingRequestKind(pending: Pick<PendingJob, 'kind' | 'params'>): RequestKind | undefined {
  const byModel = typeof pending.params.model === 'string' ? KIND_OF_MODEL[pending.params.model] : undefined;
  return pending.kind !== undefined && pending.kind === byModel ? pending.kind : undefined;
}

/** The take a restyle's record names as its source, if any. */
export function sourceTakeOf(pending: Pick<PendingJob, 'params'>): string | undefined {
  const value = pending.params[SOURCE_TAKE_PARAM];
  return typeof value === 'string' ? value : undefined;
}

/** The project images a request for this panel sends now (the character's, and for a restyle the source take's). */
export function requestImagesFor(project: Project, panelId: string, sourceTakeId?: string): PendingJobImages | undefined {
  const panel = project.panels.find((candidate) => candidate.id === panelId);
  const character = panel ? featuredCharacter(project, panel) : undefined;
  if (!panel || !character?.referenceImage) return undefined;
  const source = sourceTakeId === undefined ? undefined : panel.takes.find((take) => take.id === sourceTakeId)?.image;
  if (sourceTakeId !== undefined && source === undefined) return undefined;
  return { reference: character.referenceImage, ...(character.mask ? { mask: character.mask } : {}), ...(source ? { source } : {}) };
}

function cannotResend(kind: RequestKind, why: string): CastboardError {
  return new CastboardError('PROJECT_IMAGE_MISSING', `This ${kind} cannot be sent again: ${why}. Nothing was sent or charged; ${kind === 'restyle' ? 'restyle' : 'generate'} the panel anew.`);
}

/** The images a pending record sent: its own, or for an older record the panel's (see the module header). */
function imagesOf(pending: PendingJob, kind: RequestKind, project: Project): PendingJobImages {
  if (pending.images) return pending.images;
  const sourceTakeId = sourceTakeOf(pending);
  if (kind === 'restyle' && sourceTakeId === undefined) throw cannotResend(kind, 'its record does not say which take it restyled');
  const images = requestImagesFor(project, pending.panelId, kind === 'restyle' ? sourceTakeId : undefined);
  if (!images) throw cannotResend(kind, kind === 'restyle' ? 'the take it restyled, or its character, is no longer in the project' : "its panel's character has no reference image any more");
  return images;
}

async function readFor(kind: RequestKind, image: ImageRef, what: string, readImage: (image: ImageRef) => Promise<Buffer>): Promise<Buffer> {
  try {
    return await readImage(image);
  } catch (error) {
    if (!isCastboardError(error) || error.code !== 'PROJECT_IMAGE_MISSING') throw error;
    throw cannotResend(kind, `${what} (${image}) is missing or damaged in the project's images/ folder`);
  }
}

export interface ResendDeps {
  project: () => Project;
  readImage: (image: ImageRef) => Promise<Buffer>;
  /** Told which images are sent, so a new pending record keeps them too. */
  onImages?: (images: PendingJobImages) => void;
}

/** The request a pending job sends again on Retry, or undefined when it must not be sent again (kind unknown, params unreadable). */
export function resendSource(pending: PendingJob, deps: ResendDeps): ResendSource | undefined {
  const kind = pendingRequestKind(pending);
  const parsed = StoredParamsSchema.safeParse(pending.params);
  if (!kind || !parsed.success) return undefined;
  const params: RequestParams = parsed.data;
  return {
    kind,
    async load(): Promise<ResendInput> {
      const images = imagesOf(pending, kind, deps.project());
      deps.onImages?.(images);
      return {
        params,
        referencePng: await readFor(kind, images.reference, "the character's reference image", deps.readImage),
        ...(images.mask ? { referenceMaskPng: await readFor(kind, images.mask, "the character's reference mask", deps.readImage) } : {}),
        ...(images.source ? { sourcePng: await readFor(kind, images.source, 'the take it restyled', deps.readImage) } : {}),
      };
    },
  };
}
