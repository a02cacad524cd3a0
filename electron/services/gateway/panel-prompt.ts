/**
 * Builds the text prompt for a panel. Order matters to the model: framing first, then the scene,
 * then who the character is, then the project style. Empty parts are left out; whitespace is
 * collapsed so stray newlines in the artist's notes do not reach the model.
 */
import { CastboardError } from '../../../shared/errors';

export interface PanelPromptParts {
  scene: string;
  shotType?: string;
  cameraAngle?: string;
  character: { name: string; description: string };
  stylePrompt?: string;
}

const SHOT_PHRASES: Record<string, string> = {
  'extreme-wide': 'Extreme wide shot',
  wide: 'Wide shot',
  full: 'Full shot',
  'medium-wide': 'Medium wide shot',
  medium: 'Medium shot',
  'medium-close-up': 'Medium close-up',
  'close-up': 'Close-up',
  'extreme-close-up': 'Extreme close-up',
  'over-the-shoulder': 'Over-the-shoulder shot',
  pov: 'Point-of-view shot',
  insert: 'Insert shot',
  establishing: 'Establishing shot',
};

function clean(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().replace(/[.\s]+$/, '');
}

function sentence(text: string): string {
  return text ? `${text}.` : '';
}

function shotPhrase(shotType: string | undefined): string {
  const key = clean(shotType).toLowerCase().replace(/[\s_]+/g, '-');
  return SHOT_PHRASES[key] ?? clean(shotType);
}

function characterLine(character: { name: string; description: string }): string {
  const name = clean(character.name);
  const description = clean(character.description);
  if (!name && !description) return '';
  return `Character: ${[name, description].filter(Boolean).join(', ')}`;
}

export function buildPanelPrompt(parts: PanelPromptParts): string {
  const scene = clean(parts.scene);
  if (!scene) throw new CastboardError('GATEWAY_BAD_REQUEST', 'This panel has no scene description yet. Describe the scene, then generate.');
  const framing = [shotPhrase(parts.shotType), clean(parts.cameraAngle)].filter(Boolean).join(', ');
  const style = clean(parts.stylePrompt);
  return [sentence(framing), sentence(scene), sentence(characterLine(parts.character)), sentence(style ? `Style: ${style}` : '')]
    .filter(Boolean)
    .join(' ');
}

export interface RestylePromptParts {
  stylePrompt: string;
  scene?: string;
  character: { name: string; description: string };
}

export function buildRestylePrompt(parts: RestylePromptParts): string {
  const style = clean(parts.stylePrompt);
  if (!style) throw new CastboardError('GATEWAY_BAD_REQUEST', 'Describe the style you want before restyling this panel.');
  return [sentence(style), sentence(clean(parts.scene)), sentence(characterLine(parts.character))].filter(Boolean).join(' ');
}
