/**
 * Turns panels of the open project into gateway jobs. Every panel of a batch is checked before
 * any job is queued (including room on the panel for its new takes), so a batch either starts
 * whole or not at all, with a message naming the panel and the fix (no surprise partial charges).
 * The request itself (prompt, controls) comes from shared/generation/request-plan, the same
 * function the prompt preview shows; this module only adds the image bytes. A panel with "No character" is refused: Ideogram Character needs the
 * panel's own character reference, never a stand-in.
 */
import { randomUUID } from 'node:crypto';
import type { Character, ImageRef, Panel, Project } from '../../../shared/domain/project';
import { PANEL_LIMITS } from '../../../shared/domain/project-panel-options';
import { CastboardError, isCastboardError } from '../../../shared/errors';
import { plural } from '../../../shared/format';
import { featuredCharacter, generateRequestFor, NO_CHARACTER_PROBLEM, restyleRequestFor } from '../../../shared/generation/request-plan';
import type { CharacterInput } from '../gateway/gateway-types';
import { imagesAsked } from '../gateway/images-asked';
import type { QueueJob } from '../gateway/queue-types';

export interface PanelJobContext {
  project: Project;
  readImage: (image: ImageRef) => Promise<Buffer>;
  /**
   * Images already on their way to a panel, which need room too. Default: the project's pending
   * async jobs (a CLI run collects them); the app adds its queued, running and held jobs.
   */
  comingTakes?: (panelId: string) => number;
}

/**
 * The project's pending async jobs, each gateway job once: a file that lists one twice (edited by
 * hand, merged by a sync tool) still has one job to collect, and one image set on its way.
 */
export function uniquePendingJobs(project: Project): Project['pendingJobs'] {
  const seen = new Set<string>();
  return project.pendingJobs.filter((job) => !seen.has(job.id) && Boolean(seen.add(job.id)));
}

/** Images the project's pending async jobs for a panel will add when they are collected. */
export function pendingTakes(project: Project, panelId: string): number {
  return uniquePendingJobs(project).filter((job) => job.panelId === panelId).reduce((sum, job) => sum + imagesAsked(job.params.n), 0);
}

/**
 * Every panel of a batch must have room for the takes it would add: a paid image that cannot be
 * added to its panel could only be held, never stored (the project refuses a panel over the cap).
 */
function checkRoomForTakes(context: PanelJobContext, plans: readonly PlannedPanel[], variations: number, verb: string): void {
  const max = PANEL_LIMITS.maxTakesPerPanel;
  const asked = new Map<string, number>();
  for (const plan of plans) {
    const added = (asked.get(plan.panel.id) ?? 0) + variations;
    asked.set(plan.panel.id, added);
    const coming = context.comingTakes ? context.comingTakes(plan.panel.id) : pendingTakes(context.project, plan.panel.id);
    const have = plan.panel.takes.length;
    if (have + coming + added <= max) continue;
    const onTheWay = coming > 0 ? ` and ${coming} more on the way` : '';
    throw new CastboardError(
      'INVALID_REQUEST',
      `Panel ${plan.number} has ${plural(have, 'take')}${onTheWay}, and a panel keeps at most ${max}: ${plural(variations, 'new image')} would not fit. Delete takes you no longer need from panel ${plan.number}, then ${verb} again. Nothing was sent or charged.`,
    );
  }
}

interface PlannedPanel {
  panel: Panel;
  number: number;
  character: Character & { referenceImage: ImageRef };
}

function planPanels(project: Project, panelIds: readonly string[]): PlannedPanel[] {
  const numbers = new Map(project.panels.map((panel, index) => [panel.id, index + 1]));
  return panelIds.map((panelId) => {
    const panel = project.panels.find((candidate) => candidate.id === panelId);
    const number = numbers.get(panelId);
    if (!panel || number === undefined) throw new CastboardError('NOT_FOUND', 'One of the selected panels no longer exists. Select the panels again.');
    if (panel.characterId === null) throw new CastboardError('INVALID_REQUEST', `Panel ${number}: ${NO_CHARACTER_PROBLEM}`);
    const character = featuredCharacter(project, panel);
    if (!character) throw new CastboardError('INVALID_REQUEST', `Panel ${number} has no featured character. Add a character and choose it for this panel.`);
    if (!character.referenceImage) {
      throw new CastboardError('INVALID_REQUEST', `${character.name} has no reference image yet. Give ${character.name} a reference image, then generate panel ${number}.`);
    }
    if (!panel.scenePrompt.trim()) throw new CastboardError('INVALID_REQUEST', `Panel ${number} has no scene description. Describe the scene first.`);
    return { panel, number, character: { ...character, referenceImage: character.referenceImage } };
  });
}

/**
 * A character's reference (or mask) file, or an error that names the character and the fix: the
 * store's own message ("restore the file or generate the panel again") would send the artist to
 * generate again, which is what just failed.
 */
async function readCharacterImage(character: Character, image: ImageRef, context: PanelJobContext): Promise<Buffer> {
  try {
    return await context.readImage(image);
  } catch (error) {
    if (!isCastboardError(error) || error.code !== 'PROJECT_IMAGE_MISSING') throw error;
    throw new CastboardError(
      'PROJECT_IMAGE_MISSING',
      `${character.name}'s reference image cannot be read (${image} is missing or damaged in the project's images/ folder), so nothing was sent or charged. Choose ${character.name}'s reference image again (Replace in the cast panel, or castboard character set <dir> --character "${character.name}" --image <file>), then generate.`,
      { cause: error },
    );
  }
}

async function characterInput(plan: PlannedPanel, context: PanelJobContext): Promise<CharacterInput> {
  const { character } = plan;
  return {
    name: character.name,
    description: character.description,
    referencePng: await readCharacterImage(character, character.referenceImage, context),
    referenceMaskPng: character.mask ? await readCharacterImage(character, character.mask, context) : undefined,
  };
}

/**
 * Checks, before a price is shown, that these panels could be sent: the same checks as a batch,
 * and every character's reference file readable (each read once).
 */
export async function checkPanelsCanBeSent(context: PanelJobContext, panelIds: readonly string[], variations: number): Promise<void> {
  const plans = planPanels(context.project, panelIds);
  checkRoomForTakes(context, plans, variations, 'generate');
  const characters = new Map(plans.map((plan) => [plan.character.id, plan]));
  await Promise.all([...characters.values()].map((plan) => characterInput(plan, context)));
}

export async function generateJobs(context: PanelJobContext, panelIds: readonly string[], options: { variations: number; seed: number | null }): Promise<QueueJob[]> {
  const plans = planPanels(context.project, panelIds);
  checkRoomForTakes(context, plans, options.variations, 'generate');
  return Promise.all(
    plans.map(async (plan): Promise<QueueJob> => ({
      id: randomUUID(),
      kind: 'generate',
      panelId: plan.panel.id,
      input: { ...generateRequestFor(context.project, plan.panel, options), character: await characterInput(plan, context) },
    })),
  );
}

/** Restyle jobs plus, per job, the take each one restyles (kept as the new takes' source). */
export async function restyleJobs(
  context: PanelJobContext,
  panelIds: readonly string[],
  options: { stylePrompt: string; imageWeight: number; variations: number },
): Promise<Array<{ job: QueueJob; sourceTakeId: string }>> {
  const plans = planPanels(context.project, panelIds);
  checkRoomForTakes(context, plans, options.variations, 'restyle');
  const sources = plans.map((plan) => {
    const take = plan.panel.takes.find((candidate) => candidate.id === plan.panel.activeTakeId);
    if (!take) throw new CastboardError('INVALID_REQUEST', `Panel ${plan.number} has no image to restyle yet. Generate it first.`);
    return take;
  });
  return Promise.all(
    plans.map(async (plan, index) => {
      const source = sources[index] as NonNullable<(typeof sources)[number]>;
      const job: QueueJob = {
        id: randomUUID(),
        kind: 'restyle',
        panelId: plan.panel.id,
        input: {
          ...restyleRequestFor(context.project, plan.panel, options),
          sourcePng: await context.readImage(source.image),
          character: await characterInput(plan, context),
        },
      };
      return { job, sourceTakeId: source.id };
    }),
  );
}
