/**
 * What the production exports (shot list, PDF board, animatic, timeline, panel PNGs) are made
 * from: each panel of the project with its own number, a scene slug for file names, its fields as
 * display labels, its duration (the default when unset) and its active take as a project reference.
 * Invariants: panel numbers are the project's own (also when only some panels are exported);
 * images are read only through the project's confined reader; the project is never written.
 */
import { CAMERA_ANGLE_LABELS, CAMERA_MOVEMENT_LABELS, SHOT_TYPE_LABELS, type Panel, type Project } from '../../../shared/domain/project';
import { activeTake } from '../../../shared/domain/project-edit';
import type { ImageReader } from './image-source';
import { exportHeader } from './project-sheet-input';

/** Seconds a panel is held when the artist has not set a duration (0 means unset). */
export const DEFAULT_PANEL_SECONDS = 3;

export interface ProductionPanel {
  number: number;
  /** Lower-case ASCII words of the scene joined by '-', at most 40 characters ('panel' when empty). */
  slug: string;
  scene: string;
  shot: string;
  angle: string;
  movement: string;
  dialogue: string;
  action: string;
  notes: string;
  durationSeconds: number;
  takeCount: number;
  /** The active take as `readImage` names it, or null when the panel has no image yet. */
  imagePath: string | null;
}

export interface ProductionInput {
  title: string;
  /** Already formatted for display, e.g. "14 March 2026". */
  date: string;
  character?: { name: string; thumbnailPath?: string };
  panels: ProductionPanel[];
  readImage: ImageReader;
}

/** "Mara climbs the stairs!" -> "mara-climbs-the-stairs". */
export function sceneSlug(scene: string): string {
  const words = scene.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().match(/[a-z0-9]+/g) ?? [];
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 40) break;
    slug = next;
  }
  return slug || 'panel';
}

/** `007-mara-climbs.png`: three digits at least, so files sort in panel order. */
export function panelSlugFileName(panel: Pick<ProductionPanel, 'number' | 'slug'>, extension = 'png'): string {
  return `${String(panel.number).padStart(3, '0')}-${panel.slug}.${extension}`;
}

function productionPanel(panel: Panel, number: number): ProductionPanel {
  const take = activeTake(panel);
  return {
    number,
    slug: sceneSlug(panel.scenePrompt),
    scene: panel.scenePrompt,
    shot: SHOT_TYPE_LABELS[panel.shotType],
    angle: CAMERA_ANGLE_LABELS[panel.cameraAngle],
    movement: CAMERA_MOVEMENT_LABELS[panel.cameraMovement],
    dialogue: panel.dialogue,
    action: panel.action,
    notes: panel.notes,
    durationSeconds: panel.durationSeconds > 0 ? panel.durationSeconds : DEFAULT_PANEL_SECONDS,
    takeCount: panel.takes.length,
    imagePath: take ? take.image : null,
  };
}

/** `selected`: 1-based panel numbers to keep (every panel when undefined). */
export function productionInput(root: string, project: Project, selected: readonly number[] | undefined, now: Date): ProductionInput {
  const chosen = selected ? new Set(selected) : null;
  return {
    ...exportHeader(root, project, now),
    panels: project.panels.map((panel, index) => productionPanel(panel, index + 1)).filter((panel) => !chosen || chosen.has(panel.number)),
  };
}

/**
 * Frame numbers where each panel starts, plus the end, at `fps`: cuts are rounded from the running
 * time (not per panel), so the whole lasts the sum of the durations to within one frame however
 * many panels there are. Every panel keeps at least one frame.
 */
export function cutFrames(panels: readonly Pick<ProductionPanel, 'durationSeconds'>[], fps: number): number[] {
  const cuts = [0];
  let seconds = 0;
  for (const panel of panels) {
    seconds += panel.durationSeconds;
    cuts.push(Math.max((cuts.at(-1) ?? 0) + 1, Math.round(seconds * fps)));
  }
  return cuts;
}
