/**
 * IPC for the production formats (PDF board, MP4 animatic, GIF, FCPXML timeline, shot list CSV)
 * and the panel PNGs: a preview of what would be written, and the export itself with the options the dialog sends
 * (the renderer also saves them in the project). Exports run through the export session, so
 * export:cancel stops them and they leave no file; main asks where to save and remembers what it
 * wrote. The preview answers pictures and counts, never a path. Every export answers the panels
 * without a take (`withoutImage`) and those whose image file could not be read (`missingImages`).
 * The panel PNGs are named as the shot list's "Image file" column and the timeline's stills name
 * them (slug-panels.ts), so a CSV and the images exported beside it match.
 */
import path from 'node:path';
import { fileNameBase } from '../../../shared/domain/project-edit';
import { panelsToExport } from '../../services/export/input';
import { throwIfAborted } from '../../services/export/map-limit';
import { exportProduction, PRODUCTION_EXTENSIONS } from '../../services/export/production-export';
import { productionInput, type ProductionInput } from '../../services/export/production-input';
import { previewProduction } from '../../services/export/production-preview';
import { panelNumbers } from '../../services/export/project-sheet-input';
import { exportSlugPanels } from '../../services/export/slug-panels';
import type { AppServices } from '../app-services';
import type { ExportSession } from './export-session';
import type { Registrar } from './registrar';

/** Panels of `input` that have no take yet. */
const withoutTake = (input: ProductionInput) => input.panels.filter((panel) => panel.imagePath === null).map((panel) => panel.number);

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
      const target = await dialogs.chooseSavePath({ title: `Export ${extension.toUpperCase()}`, defaultPath: path.join(path.dirname(root), `${fileNameBase(project.title)}.${extension}`), extensions: [extension] });
      if (!target) return null;
      throwIfAborted(signal);
      // The save dialog already asked before replacing the file the artist named.
      const result = await exportProduction(format, input, settings, project.aspectRatio, target, {
        overwrite: true,
        signal,
        onProgress: (progress) => registrar.push('export:progress', { ...progress, page: 1, pages: 1 }),
      });
      session.lastExport = result.files;
      return { files: result.files, withoutImage: withoutTake(input), missingImages: result.missingImages };
    }),
  );

  registrar.handle('export:panelImages', ({ selectedPanelIds, selectedOnly }) =>
    session.run(async (signal) => {
      const { input } = production(selectedPanelIds, selectedOnly);
      const folder = await dialogs.chooseFolder({ title: 'Choose a folder for the panel images', buttonLabel: 'Export here' });
      if (!folder) return null;
      throwIfAborted(signal);
      const result = await exportSlugPanels(input, folder, {
        signal,
        onProgress: (progress) => registrar.push('export:progress', { ...progress, page: 1, pages: 1 }),
      });
      session.lastExport = result.files.length > 0 ? result.files : session.lastExport;
      return { files: result.files, withoutImage: result.withoutImage, missingImages: result.missingImages };
    }),
  );
}
