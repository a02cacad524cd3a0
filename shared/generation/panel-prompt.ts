/**
 * The text prompt of a panel, for Ideogram Character (generate) and Character Remix (restyle).
 * Order matters to the model: framing first, then the scene and the action, then who the
 * character is, then the project's style words. Invariants:
 *  - the artist's words are sent verbatim apart from whitespace (runs collapsed, ends trimmed);
 *    a full stop is added only where a sentence has no closing punctuation;
 *  - framing comes from shot-words.ts, never as a raw code;
 *  - dialogue is never part of a prompt: Ideogram draws the text it is given, and a speech line
 *    would come back lettered into the picture;
 *  - the character is phrased by characterSentence and nowhere else.
 */
import { CastboardError } from '../errors';
import { framingPhrase, type Framing } from './shot-words';

export interface PromptCharacter {
  name: string;
  description: string;
}

export interface PanelPromptParts extends Framing {
  scene: string;
  /** Stage directions; sent, unlike dialogue. */
  action?: string;
  character: PromptCharacter;
  stylePrompt?: string;
}

export interface RestylePromptParts {
  stylePrompt: string;
  scene?: string;
  character: PromptCharacter;
}

/** Whitespace only: the words themselves are the artist's. */
export function tidy(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function sentence(text: string): string {
  if (text === '') return '';
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** "Character: Mara, a lighthouse keeper." The one phrasing of a character in every prompt. */
export function characterSentence(character: PromptCharacter): string {
  const name = tidy(character.name);
  const description = tidy(character.description);
  if (name === '' && description === '') return '';
  return sentence(`Character: ${[name, description].filter(Boolean).join(', ')}`);
}

function join(parts: string[]): string {
  return parts.filter((part) => part !== '').join(' ');
}

export function buildPanelPrompt(parts: PanelPromptParts): string {
  const scene = tidy(parts.scene);
  if (!scene) throw new CastboardError('GATEWAY_BAD_REQUEST', 'This panel has no scene description yet. Describe the scene, then generate.');
  const style = tidy(parts.stylePrompt);
  return join([sentence(framingPhrase(parts)), sentence(scene), sentence(tidy(parts.action)), characterSentence(parts.character), sentence(style && `Style: ${style}`)]);
}

export function buildRestylePrompt(parts: RestylePromptParts): string {
  const style = tidy(parts.stylePrompt);
  if (!style) throw new CastboardError('GATEWAY_BAD_REQUEST', 'Describe the style you want before restyling this panel.');
  return join([sentence(style), sentence(tidy(parts.scene)), characterSentence(parts.character)]);
}
