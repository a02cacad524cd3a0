/**
 * The contact sheet's `consistency` caption: each panel's outcome in words ("Consistent (0.31)",
 * "Drifted (0.71)", "Not checked: no face found": the short reasons, as the caption has one line). Runs the check only when the caption
 * was chosen; cached descriptors make it cheap after a check in the app or the CLI.
 */
import { consistencyCaption } from '../../../shared/domain/consistency';
import type { CaptionField, Project } from '../../../shared/domain/project';
import type { ConsistencyCaptions } from '../export/project-sheet-input';
import type { ConsistencyService } from './consistency-service';

export async function consistencyCaptions(
  service: ConsistencyService,
  request: { root: string; project: Project; captions: readonly CaptionField[]; threshold?: number; panelIds?: readonly string[] },
): Promise<ConsistencyCaptions | undefined> {
  if (!request.captions.includes('consistency')) return undefined;
  const { root, project, threshold, panelIds } = request;
  const results = await service.check({ root, project, ...(threshold !== undefined ? { threshold } : {}), ...(panelIds ? { panelIds } : {}) });
  return new Map(results.map((result) => [result.panelId, consistencyCaption(result)]));
}
