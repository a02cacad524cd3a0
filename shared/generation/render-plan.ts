/**
 * "Render with character": Character Remix from a panel's own sketch or imported image. It is a
 * restyle whose source is the active take and whose words are the project's style, so it reuses
 * the restyle request (request-plan.ts) and only fixes two things here, once for app and CLI:
 *  - how closely to follow the drawing, as three presets of Ideogram's image_weight (1-100,
 *    how much of the source image to keep): loose 30, balanced 55, close 80. Below ~30 the
 *    composition drifts away; above ~85 the rough lines survive into the render;
 *  - the style words: the project's style prompt, or a neutral finished-frame prompt.
 */
import type { Project } from '../domain/project';

export const RENDER_FOLLOW = ['loose', 'balanced', 'close'] as const;
export type RenderFollow = (typeof RENDER_FOLLOW)[number];

export const RENDER_IMAGE_WEIGHTS: Readonly<Record<RenderFollow, number>> = { loose: 30, balanced: 55, close: 80 };

export const RENDER_FOLLOW_LABELS: Readonly<Record<RenderFollow, string>> = {
  loose: 'Loose: the sketch is a hint',
  balanced: 'Balanced',
  close: 'Close: keep the drawing',
};

/** Used when the project has no style prompt: turns a rough drawing into a finished frame. */
export const DEFAULT_RENDER_STYLE = 'Finished storyboard frame, clean confident linework, following the composition of the sketch';

export function renderStylePrompt(project: Pick<Project, 'style'>, override?: string): string {
  const own = override?.trim();
  if (own) return own;
  return project.style.stylePrompt.trim() || DEFAULT_RENDER_STYLE;
}
