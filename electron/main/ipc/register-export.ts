/** IPC for exports: a preview of page 1, the contact sheet, and every active take as PNG files. */
import path from 'node:path';
import { exportContactSheet, exportPanelImages, renderPreview } from '../../services/export';
import { contactSheetInput, panelNumbers, sheetOptions } from '../../services/export/project-sheet-input';
import type { CaptionField } from '../../../shared/domain/project';
import { consistencyCaptions } from '../../services/consistency/sheet-captions';
import type { AppServices } from '../app-services';
import type { Registrar } from './registrar';

export function registerExport(registrar: Registrar, services: AppServices): void {
  const { workspace, dialogs, consistency, settings } = services;

  /** The open project as sheet input, with the requested panels marked as selected. */
  async function input(selectedPanelIds: readonly string[], captions: readonly CaptionField[] = []) {
    const project = workspace.project();
    const root = workspace.root() ?? '';
    const outcomes = await consistencyCaptions(consistency, { root, project, captions, threshold: settings.get().consistencyThreshold });
    return { project, root, input: contactSheetInput(root, project, panelNumbers(project, selectedPanelIds), new Date(), outcomes) };
  }

  registrar.handle('export:preview', async ({ settings, selectedPanelIds, maxWidth }) => {
    const { project, input: sheet } = await input(selectedPanelIds, settings.captions);
    const png = await renderPreview(sheet, sheetOptions(project, settings), maxWidth);
    return { pngBase64: png.toString('base64') };
  });

  registrar.handle('export:contactSheet', async ({ settings, selectedPanelIds }) => {
    const { project, root, input: sheet } = await input(selectedPanelIds, settings.captions);
    const target = await dialogs.chooseSavePath({
      title: 'Export contact sheet',
      defaultPath: path.join(path.dirname(root), `${project.title} contact sheet.png`),
      extensions: ['png'],
    });
    if (!target) return null;
    // The save dialog already asked before replacing the file the artist named.
    const result = await exportContactSheet(sheet, sheetOptions(project, settings), target, {
      overwrite: true,
      onProgress: (progress) => registrar.push('export:progress', progress),
    });
    return { files: result.files, pages: result.pages, missingImages: result.missingImages };
  });

  registrar.handle('export:panelImages', async ({ selectedPanelIds, selectedOnly }) => {
    const { input: sheet } = await input(selectedPanelIds);
    const folder = await dialogs.chooseFolder({ title: 'Choose a folder for the panel images', buttonLabel: 'Export here' });
    if (!folder) return null;
    const result = await exportPanelImages(sheet.panels, folder, { selectedOnly, readImage: sheet.readImage });
    return { files: result.files, withoutImage: result.withoutImage };
  });
}
