/**
 * Panels a paid command leaves out before anything is spent, with the reason on stderr (one line
 * per reason, naming the panels), so the cost stated and confirmed counts only what is sent:
 *  - a panel set to "No character" cannot be drawn by Ideogram Character (it needs that panel's
 *    own character reference, never a stand-in): always left out, it is the panel's design;
 *  - a panel without a scene (e.g. an imported rough sketch whose scene was never written) has
 *    no prompt: when the command chose the panels itself (every panel, --missing), it is left
 *    out, as the app's "Generate missing" does; a panel the artist named in --panels is an error
 *    instead (requireScenes), since the artist asked for exactly that panel.
 * Other problems (no reference image) still stop the whole batch in the preflight.
 */
import type { Project } from '../../shared/domain/project';
import { NO_CHARACTER_PROBLEM } from '../../shared/generation/request-plan';
import { UsageError, type CliIo } from './cli-io';

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

function split(io: CliIo, project: Project, numbers: readonly number[], skipSceneless: boolean): { numbers: number[]; skipped: SkippedPanel[] } {
  const kept: number[] = [];
  const skipped: SkippedPanel[] = [];
  for (const number of numbers) {
    if (project.panels[number - 1]?.characterId === null) skipped.push({ panel: number, reason: NO_CHARACTER_PROBLEM });
    else if (skipSceneless && hasNoScene(project, number)) skipped.push({ panel: number, reason: NO_SCENE_REASON });
    else kept.push(number);
  }
  skipped.sort((a, b) => a.panel - b.panel);
  reportSkipped(io, skipped);
  return { numbers: kept, skipped };
}

/** Splits 1-based panel numbers into those to send and those skipped (reported on stderr). */
export function skipPanelsWithoutCharacter(io: CliIo, project: Project, numbers: readonly number[]): { numbers: number[]; skipped: SkippedPanel[] } {
  return split(io, project, numbers, false);
}

/** As skipPanelsWithoutCharacter, and also leaves out panels without a scene (panels the command chose itself). */
export function skipPanelsNotReady(io: CliIo, project: Project, numbers: readonly number[]): { numbers: number[]; skipped: SkippedPanel[] } {
  return split(io, project, numbers, true);
}

/** A panel named in `--panels` that has no scene: a usage error naming it, before anything is sent. */
export function requireScenes(project: Project, numbers: readonly number[]): void {
  const sceneless = numbers.filter((number) => hasNoScene(project, number));
  if (sceneless.length === 0) return;
  const which = panelsLabel(sceneless);
  const has = sceneless.length === 1 ? 'has' : 'have';
  throw new UsageError(
    `${which} ${has} no scene description (the image prompt), so ${sceneless.length === 1 ? 'it' : 'they'} cannot be generated. Nothing was sent and nothing was charged. Describe the scene in Castboard, or leave ${sceneless.length === 1 ? 'it' : 'them'} out of --panels.`,
  );
}
