/**
 * IPC for the consistency check: runs on the open project, pushes progress while it works, keeps
 * its outcomes in the project's cache/ folder and hands them back when the project is opened
 * again, and says whether a reference image of the open project has a face the check can use.
 */
import type { AppServices } from '../app-services';
import type { Registrar } from './registrar';

export function registerConsistency(registrar: Registrar, services: AppServices): void {
  const { workspace, consistency, settings, savedConsistency } = services;
  registrar.handle('consistency:check', async ({ panelIds, takeIds, threshold }) => {
    const project = workspace.project();
    const root = workspace.root() ?? '';
    const results = await consistency.check({
      root,
      project,
      ...(panelIds ? { panelIds } : {}),
      ...(takeIds ? { takeIds } : {}),
      threshold: threshold ?? settings.get().consistencyThreshold,
      onProgress: (done, total) => registrar.push('consistency:progress', { done, total }),
    });
    await savedConsistency.remember(root, project, results);
    return { results };
  });
  registrar.handle('consistency:saved', async () => {
    const project = workspace.project();
    return { results: await savedConsistency.recall(workspace.root() ?? '', project) };
  });
  registrar.handle('consistency:referenceFace', async ({ image }) => {
    workspace.project(); // NO_PROJECT when none is open: the image is looked for in the open project only
    return consistency.referenceFace(workspace.root() ?? '', image);
  });
}
