/**
 * From the project document to the request a panel's next Generate or Restyle will send. Used by
 * main (generation/panel-jobs, which adds the image bytes), by the CLI's `--dry-run --json` and by
 * the inspector's prompt preview, so all three show and send the same thing. Invariants:
 *  - a panel with "No character" is never generated with Ideogram Character (it needs a
 *    character reference); the reason is given before anything is spent;
 *  - a panel's reference image is its own featured character's, never another's;
 *  - controls are the project's, with the panel's own overrides on top.
 */
import type { Character, Panel, Project } from '../domain/project';
import { CastboardError } from '../errors';
import {
  generateBody,
  remixBody,
  type GenerateRequest,
  type IdeogramControls,
  type IdeogramImageBody,
  type RequestImages,
  type RestyleRequest,
  type StyleInput,
} from './ideogram-request';

export interface GenerateChoice {
  variations: number;
  seed: number | null;
}

export interface RestyleChoice {
  stylePrompt: string;
  imageWeight: number;
  variations: number;
}

/** Why a panel set to "No character" is left out of every generate and restyle. */
export const NO_CHARACTER_PROBLEM = 'No character: Ideogram Character draws every image from a character\'s reference image, so this panel cannot be generated.';

/** The character a panel features, or undefined for "No character" (never a stand-in). */
export function featuredCharacter(project: Pick<Project, 'characters'>, panel: Pick<Panel, 'characterId'>): Character | undefined {
  return panel.characterId === null ? undefined : project.characters.find((candidate) => candidate.id === panel.characterId);
}

/**
 * What stops a panel from being generated, in the artist's words, or null when it is ready.
 * Checked in this order, so the first thing to fix comes first.
 */
export function panelProblem(panel: Pick<Panel, 'scenePrompt' | 'characterId'>, characters: readonly Character[]): string | null {
  if (panel.scenePrompt.trim() === '') return 'Describe the scene first.';
  if (panel.characterId === null) return NO_CHARACTER_PROBLEM;
  const character = featuredCharacter({ characters: [...characters] }, panel);
  if (!character) return 'Add a character with a reference image first.';
  if (character.referenceImage === null) return `Add a reference image for ${character.name.trim() || 'the character'} first.`;
  return null;
}

/** The project's controls with the panel's overrides on top. */
export function controlsFor(project: Pick<Project, 'style'>, panel: Pick<Panel, 'controls'>): IdeogramControls {
  const { styleType, renderingSpeed, magicPrompt, negativePrompt, colorPalette } = project.style;
  return { styleType, renderingSpeed, magicPrompt, negativePrompt, colorPalette, ...panel.controls };
}

function requireCharacter(project: Project, panel: Panel): Character {
  const character = featuredCharacter(project, panel);
  if (!character) throw new CastboardError('INVALID_REQUEST', NO_CHARACTER_PROBLEM);
  return character;
}

export function generateRequestFor(project: Project, panel: Panel, choice: GenerateChoice): GenerateRequest {
  const character = requireCharacter(project, panel);
  const style: StyleInput = { ...controlsFor(project, panel), prompt: project.style.stylePrompt };
  return {
    scene: panel.scenePrompt,
    shotType: panel.shotType,
    cameraAngle: panel.cameraAngle,
    cameraMovement: panel.cameraMovement,
    action: panel.action,
    character: { name: character.name, description: character.description },
    style,
    aspectRatio: project.aspectRatio,
    variations: choice.variations,
    ...(choice.seed === null ? {} : { seed: choice.seed }),
  };
}

export function restyleRequestFor(project: Project, panel: Panel, choice: RestyleChoice): RestyleRequest {
  const character = requireCharacter(project, panel);
  return {
    stylePrompt: choice.stylePrompt,
    imageWeight: choice.imageWeight,
    character: { name: character.name, description: character.description },
    scene: panel.scenePrompt,
    style: controlsFor(project, panel),
    aspectRatio: project.aspectRatio,
    variations: choice.variations,
  };
}

/** What stands in for an image in a preview: the bytes are never shown, only which image goes. */
export function elidedImages(character: Character, sourceTake: number | null): RequestImages {
  const images: RequestImages = { reference: `<reference image of ${character.name.trim() || 'the character'}>` };
  if (character.mask) images.mask = `<reference mask of ${character.name.trim() || 'the character'}>`;
  if (sourceTake !== null) images.source = `<take ${sourceTake} of this panel>`;
  return images;
}

export type RequestPreview =
  | { ok: true; kind: 'generate' | 'restyle'; body: IdeogramImageBody; images: number; cents: number }
  | { ok: false; kind: 'generate' | 'restyle'; problem: string };

function safely(kind: 'generate' | 'restyle', build: () => IdeogramImageBody, priceCents: number): RequestPreview {
  try {
    const body = build();
    return { ok: true, kind, body, images: body.n, cents: body.n * priceCents };
  } catch (error) {
    return { ok: false, kind, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Exactly the body (images elided) the panel's next Generate sends, and what it costs. */
export function previewGenerate(project: Project, panel: Panel, choice: GenerateChoice, priceCents: number): RequestPreview {
  const problem = panelProblem(panel, project.characters);
  if (problem) return { ok: false, kind: 'generate', problem };
  const character = requireCharacter(project, panel);
  return safely('generate', () => generateBody(generateRequestFor(project, panel, choice), elidedImages(character, null)), priceCents);
}

/** Exactly the body (images elided) the panel's next Restyle sends, and what it costs. */
export function previewRestyle(project: Project, panel: Panel, choice: RestyleChoice, priceCents: number): RequestPreview {
  const problem = panelProblem(panel, project.characters);
  if (problem) return { ok: false, kind: 'restyle', problem };
  const source = panel.takes.findIndex((take) => take.id === panel.activeTakeId);
  if (source < 0) return { ok: false, kind: 'restyle', problem: 'This panel has no image to restyle yet. Generate it first.' };
  const character = requireCharacter(project, panel);
  return safely('restyle', () => remixBody(restyleRequestFor(project, panel, choice), elidedImages(character, source + 1)), priceCents);
}

/** The panel with this id; a stale id is a clear error, not a crash. */
export function panelById(project: Project, panelId: string): Panel {
  const panel = project.panels.find((candidate) => candidate.id === panelId);
  if (!panel) throw new CastboardError('NOT_FOUND', 'One of the selected panels no longer exists. Select the panels again.');
  return panel;
}

/** A preview as printed for scripts: the body, or why there is none. */
export function bodyOrProblem(preview: RequestPreview): IdeogramImageBody | { problem: string } {
  return preview.ok ? preview.body : { problem: preview.problem };
}
