/**
 * Panels a paid command leaves out before anything is spent, with the reason on stderr (one line
 * per reason, naming the panels), so the cost stated and confirmed counts only what is sent:
 *  - a panel set to "No character" cannot be drawn by Ideogram Character (it needs that panel's
 *    own character reference, never a stand-in): always left out, it is the panel's design;
 *  - a panel without a scene (e.g. an imported rough sketch whose scene was never written) has
 *    no prompt, and a panel whose character has no reference image has nothing to keep the
 *    character consistent with (the skip line names the `character set --character` command that
 *    adds it): when the command chose the panels itself (every panel,
 *    --missing), they are left out, as the app's "Generate missing" does (one panel's missing
 *    reference stopped the whole batch); a panel the artist named in --panels is an error instead
 *    (requireReady), since the artist asked for exactly that panel.
 * Other problems (a reference file that cannot be read) still stop the whole batch in the
 * preflight: they are damage to repair, not a panel that is not ready yet.
 */
import type { Project } from '../../shared/domain/project';
import { featuredCharacter, NO_CHARACTER_PROBLEM } from '../../shared/generation/request-plan';
import { UsageError, type CliIo } from './cli-io';
import { posixWord, shellWord } from './shell-word';

export interface SkippedPanel {
  panel: number;
  reason: string;
}

/** Why a panel without a scene is left out (also listed by `--dry-run --json`). */
export const NO_SCENE_REASON = 'No scene description: the scene is the image prompt, so there is nothing to generate yet. Describe the scene first.';

/** "Panel 3", "Panels 3, 5 and 8". */
function panelsLabel(numbers: readonly number[]): string {
  if (numbers.length === 1) return `Panel ${numbers[0] ?? ''}`;
  return `Panels ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1] ?? ''}`;
}

/** One stderr line per reason, naming its panels in board order. */
function reportSkipped(io: CliIo, skipped: readonly SkippedPanel[]): void {
  const byReason = new Map<string, number[]>();
  for (const skip of skipped) byReason.set(skip.reason, [...(byReason.get(skip.reason) ?? []), skip.panel]);
  for (const [reason, numbers] of byReason) io.stderr(`${panelsLabel(numbers)} skipped. ${reason}`);
}

const hasNoScene = (project: Project, number: number): boolean => (project.panels[number - 1]?.scenePrompt.trim() ?? '') === '';

interface Unreferenced {
  name: string;
  /** How to add the image: the `character set --character` command that reaches this character. */
  fix: string;
}

/** The name as one shell word: in double quotes, or in single quotes when the shell would expand it there. */
function nameWord(name: string): string {
  return /["$`\\!]/.test(name) ? posixWord(name) : `"${name}"`;
}

/** The panel's character when it has no reference image (null: it has one, or the panel has none). */
function characterWithoutReference(project: Project, number: number, dir: string): Unreferenced | null {
  const panel = project.panels[number - 1];
  if (!panel || panel.characterId === null) return null;
  const character = featuredCharacter(project, panel);
  if (character?.referenceImage) return null;
  const named = character?.name.trim() ?? '';
  // A name shared by two characters cannot be picked by --character: the app's cast panel can.
  const reachable = named !== '' && project.characters.filter((other) => other.name.trim().toLowerCase() === named.toLowerCase()).length === 1;
  const fix = reachable ? `run castboard character set ${shellWord(dir)} --character ${nameWord(named)} --image <file>` : "choose it in Castboard's cast panel";
  return { name: named || 'its character', fix };
}

/** Why a panel whose character has no reference image is left out (also listed by `--dry-run --json`). */
export function noReferenceReason(character: Unreferenced): string {
  return `No reference image for ${character.name}: Ideogram Character draws each panel's character from its reference image. To add one, ${character.fix}.`;
}

function split(io: CliIo, project: Project, numbers: readonly number[], notReady: { skip: boolean; dir: string }): { numbers: number[]; skipped: SkippedPanel[] } {
  const kept: number[] = [];
  const skipped: SkippedPanel[] = [];
  for (const number of numbers) {
    const unreferenced = notReady.skip ? characterWithoutReference(project, number, notReady.dir) : null;
    if (project.panels[number - 1]?.characterId === null) skipped.push({ panel: number, reason: NO_CHARACTER_PROBLEM });
    else if (notReady.skip && hasNoScene(project, number)) skipped.push({ panel: number, reason: NO_SCENE_REASON });
    else if (unreferenced !== null) skipped.push({ panel: number, reason: noReferenceReason(unreferenced) });
    else kept.push(number);
  }
  skipped.sort((a, b) => a.panel - b.panel);
  reportSkipped(io, skipped);
  return { numbers: kept, skipped };
}

/** Splits 1-based panel numbers into those to send and those skipped (reported on stderr). */
export function skipPanelsWithoutCharacter(io: CliIo, project: Project, numbers: readonly number[]): { numbers: number[]; skipped: SkippedPanel[] } {
  return split(io, project, numbers, { skip: false, dir: '' });
}

/**
 * As skipPanelsWithoutCharacter, and also leaves out panels without a scene or whose character has
 * no reference image (panels the command chose itself). `dir` is the project, for the fix's command.
 */
export function skipPanelsNotReady(io: CliIo, project: Project, numbers: readonly number[], dir: string): { numbers: number[]; skipped: SkippedPanel[] } {
  return split(io, project, numbers, { skip: true, dir });
}

const them = (count: number) => (count === 1 ? 'it' : 'they');

/**
 * Panels named in `--panels` that have no scene, or whose character has no reference image: a
 * usage error naming them, before anything is sent (scenes first, as the app's readiness orders it).
 */
export function requireReady(project: Project, numbers: readonly number[], dir: string): void {
  const sceneless = numbers.filter((number) => hasNoScene(project, number));
  if (sceneless.length > 0) {
    const has = sceneless.length === 1 ? 'has' : 'have';
    throw new UsageError(
      `${panelsLabel(sceneless)} ${has} no scene description (the image prompt), so ${them(sceneless.length)} cannot be generated. Nothing was sent and nothing was charged. Describe the scene in Castboard, or leave ${sceneless.length === 1 ? 'it' : 'them'} out of --panels.`,
    );
  }
  const unreferenced = numbers.flatMap((number) => {
    const character = characterWithoutReference(project, number, dir);
    return character ? [{ number, character }] : [];
  });
  if (unreferenced.length > 0) throw unreferencedError(unreferenced);
}

/** "Panel 3 features Mara, who has no reference image yet..." with how to add each one. */
function unreferencedError(panels: ReadonlyArray<{ number: number; character: Unreferenced }>): UsageError {
  const characters = [...new Map(panels.map(({ character }) => [character.name, character])).values()];
  const count = panels.length;
  const names = characters.map(({ name }) => name).join(' and ');
  const howTo = characters.length === 1 ? `To add one, ${characters[0]?.fix ?? ''}` : characters.map(({ name, fix }) => `For ${name}, ${fix}`).join('; ');
  return new UsageError(
    `${panelsLabel(panels.map(({ number }) => number))} ${count === 1 ? 'features' : 'feature'} ${names}, who ${characters.length === 1 ? 'has' : 'have'} no reference image yet, so ${them(count)} cannot be generated (Ideogram Character draws the character from it). Nothing was sent and nothing was charged. ${howTo}; or leave ${count === 1 ? 'it' : 'them'} out of --panels.`,
  );
}
