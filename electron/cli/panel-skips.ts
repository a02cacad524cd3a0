/**
 * Panels a paid command leaves out before anything is spent, with the reason on stderr: a panel
 * set to "No character" cannot be drawn by Ideogram Character (it needs that panel's own
 * character reference, never a stand-in). Other problems (no scene, no reference image) still stop
 * the whole batch, since the artist can fix them; this one is the panel's design.
 */
import type { Project } from '../../shared/domain/project';
import { NO_CHARACTER_PROBLEM } from '../../shared/generation/request-plan';
import type { CliIo } from './cli-io';

export interface SkippedPanel {
  panel: number;
  reason: string;
}

/** Splits 1-based panel numbers into those to send and those skipped (reported on stderr). */
export function skipPanelsWithoutCharacter(io: CliIo, project: Project, numbers: readonly number[]): { numbers: number[]; skipped: SkippedPanel[] } {
  const kept: number[] = [];
  const skipped: SkippedPanel[] = [];
  for (const number of numbers) {
    if (project.panels[number - 1]?.characterId === null) skipped.push({ panel: number, reason: NO_CHARACTER_PROBLEM });
    else kept.push(number);
  }
  for (const skip of skipped) io.stderr(`Panel ${skip.panel} skipped. ${skip.reason}`);
  return { numbers: kept, skipped };
}
