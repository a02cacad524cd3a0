/**
 * IPC for the production formats (PDF board, MP4 animatic, GIF, FCPXML timeline, shot list CSV):
 * a preview of what would be written, and the export itself with the options the dialog sends
 * (the renderer also saves them in the project). Exports run through the export session, so
 * export:cancel stops them and they leave no file; main asks where to save and remembers what it
 * wrote. The preview answers pictures and counts, never a path.
 */
import path from 'node:path';
import { panelsToExport } from '../../services/export/input';
import { throwIfAborted } from '../../services/export/map-limit';
import { exportProduction, PRODUCTION_EXTENSIONS } from '../../services/export/production-export';
import { productionInput } from '../../services/export/production-input';
import { previewProduction } from '../../services/export/production-preview';
import { panelNumbers } from '../../services/export/project-sheet-input';
import type { AppServices } from '../app-services';
import type { ExportSession } from './export-session';
import type { Registrar } from './registrar';

export function registerProductionExport(registrar: Registrar, services: AppServices, session: ExportSession): void {
  const { workspace, dialogs } = services;

  /** The open project as the production exports read it (EXPORT_EMPTY when the selection is empty). */
  function production(selectedPanelIds: readonly string[], selectedOnly: boolean) {
    const project = workspace.project();
    const root = workspace.root() ?? '';
    const chosen = selectedOnly ? panelNumbers(project, selectedPanelIds) : undefined;
    panelsToExport(project.panels.map((_, index) => ({ selected: chosen?.includes(index + 1) ?? false })), selectedOnly);
    return { project, root, input: productionInput(root, project, chosen, new Date()) };
  }

  registrar.handle('export:productionPreview', async ({ format, settings, selectedPanelIds, selectedOnly, maxWidth, page }) => {
    const { project, input } = production(selectedPanelIds, selectedOnly);
    const { image, ...facts } = await previewProduction(format, input, settings, project.aspectRatio, { maxWidth, page });
    return { ...facts, image: image ? { pngBase64: image.png.toString('base64'), width: image.width, height: image.height } : null };
  });

  // The whole call runs in the session, save dialog included: a cancel that arrives before the
  // file is chosen still stops the export.
  registrar.handle('export:production', ({ format, settings, selectedPanelIds, selectedOnly }) =>
    session.run(async (signal) => {
      const { project, root, input } = production(selectedPanelIds, selectedOnly);
      const extension = PRODUCTION_EXTENSIONS[format];
      const target = await dialogs.chooseSavePath({ title: `Export ${extension.toUpperCase()}`, defaultPath: path.join(path.dirname(root), `${project.title}.${extension}`), extensions: [extension] });
      if (!target) return null;
      throwIfAborted(signal);
      // The save dialog already asked before replacing the file the artist named.
      const files = await exportProduction(format, input, settings, project.aspectRatio, target, {
        overwrite: true,
        signal,
        onProgress: (progress) => registrar.push('export:progress', { ...progress, page: 1, pages: 1 }),
      });
      session.lastExport = files;
      return { files, withoutImage: input.panels.filter((panel) => panel.imagePath === null).map((panel) => panel.number) };
    }),
  );
}
