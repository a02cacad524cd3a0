/** IPC for the consistency check: runs on the open project, pushes progress while it works. */
import type { AppServices } from '../app-services';
import type { Registrar } from './registrar';

export function registerConsistency(registrar: Registrar, services: AppServices): void {
  const { workspace, consistency, settings } = services;
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
    return { results };
  });
}
