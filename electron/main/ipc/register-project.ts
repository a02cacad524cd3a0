/** IPC for the open project: create/open/save/close, edits from the renderer, image imports. */
import { importPanelImage } from '../../services/workspace/panel-image-import';
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
  registrar.handle('project:removeRecent', ({ path }) => workspace.removeRecent(path));
  registrar.handle('project:update', ({ project, root }) => workspace.update(project, root));
  registrar.handle('project:save', () => workspace.save());
  registrar.handle('project:saveAs', () => workspace.saveAs());
  registrar.handle('project:close', async () => {
    await workspace.close();
    return null;
  });
  // Once a file is picked the window's button says "Importing…" (before, the dialog was open).
  registrar.handle('project:importImage', (request) =>
    request.source === 'dialog'
      ? workspace.importImageFromDialog(() => registrar.push('project:imageChosen', {}))
      : workspace.importImageBytes(Buffer.from(request.base64, 'base64')),
  );
  registrar.handle('project:importPanelImage', async (request) => {
    if (request.source === 'bytes') {
      return importPanelImage(workspace, request.panelId, { bytes: Buffer.from(request.base64, 'base64'), fileName: request.fileName, origin: request.origin, baseTakeId: request.baseTakeId });
    }
    const chosen = await workspace.chooseImageFile('Choose an image for this panel');
    return chosen ? importPanelImage(workspace, request.panelId, { ...chosen, origin: request.origin }) : null;
  });
}
