/** IPC for the open project: create/open/save/close, edits from the renderer, image imports. */
import type { AppServices } from '../app-services';
import type { Registrar } from './registrar';

export function registerProject(registrar: Registrar, services: AppServices): void {
  const { workspace, generation } = services;

  /** After a project opens, jobs it had accepted before a restart are resumed (polled, not re-sent). */
  const opened = <T extends { project: unknown } | null>(result: T): T => {
    if (result) generation.resumePending();
    return result;
  };

  registrar.handle('project:current', () => workspace.current());
  registrar.handle('project:create', async (request) => opened(await workspace.create(request)));
  registrar.handle('project:open', async () => opened(await workspace.open()));
  registrar.handle('project:openRecent', async ({ path }) => opened(await workspace.openRecent(path)));
  registrar.handle('project:openBackup', async () => opened(await workspace.openBackup()));
  registrar.handle('project:recent', () => workspace.recent());
  registrar.handle('project:update', ({ project, root }) => workspace.update(project, root));
  registrar.handle('project:save', () => workspace.save());
  registrar.handle('project:saveAs', () => workspace.saveAs());
  registrar.handle('project:close', async () => {
    await workspace.close();
    return null;
  });
  registrar.handle('project:importImage', (request) =>
    request.source === 'dialog' ? workspace.importImageFromDialog() : workspace.importImageBytes(Buffer.from(request.base64, 'base64')),
  );
}
