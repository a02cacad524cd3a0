/**
 * IPC for exports: a preview of the contact sheet's page 1 (with the page count), the contact
 * sheet, cancelling what runs, and showing the last export; the production formats and the panel
 * PNGs (named like the shot list names them) are in register-production-export.ts. Main remembers what it wrote; "show"
 * opens only that, never a path from the renderer.
 */
import os from 'node:os';
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';
import { exportContactSheet, planContactSheet, renderPreview } from '../../services/export';
import { previewPage } from '../../../shared/domain/preview-page';
import { fileNameBase } from '../../../shared/domain/project-edit';
import { contactSheetInput, panelNumbers, sheetOptions } from '../../services/export/project-sheet-input';
import type { CaptionField } from '../../../shared/domain/project';
import { consistencyCaptions } from '../../services/consistency/sheet-captions';
import type { AppServices } from '../app-services';
import { createExportSession } from './export-session';
import { registerProductionExport } from './register-production-export';
import type { Registrar } from './registrar';

export function registerExport(registrar: Registrar, services: AppServices): void {
  const { workspace, dialogs, consistency, settings, shell } = services;
  const session = createExportSession();
  registerProductionExport(registrar, services, session);
  registrar.handle('export:cancel', () => ({ cancelled: session.cancelAll() }));

  /** The open project as sheet input, with the requested panels marked as selected. */
  async function input(selectedPanelIds: readonly string[], captions: readonly CaptionField[] = []) {
    const project = workspace.project();
    const root = workspace.root() ?? '';
    const outcomes = await consistencyCaptions(consistency, { root, project, captions, threshold: settings.get().consistencyThreshold });
    return { project, root, input: contactSheetInput(root, project, panelNumbers(project, selectedPanelIds), new Date(), outcomes) };
  }

  registrar.handle('export:preview', async ({ settings, selectedPanelIds, maxWidth, page = 0 }) => {
    const { project, input: sheet } = await input(selectedPanelIds, settings.captions);
    const options = sheetOptions(project, settings);
    // The plan's out path only names files; nothing is written for a preview.
    const [png, plan] = await Promise.all([renderPreview(sheet, options, { maxWidth, page }), planContactSheet(sheet, options, path.join(os.tmpdir(), 'castboard-preview.png'))]);
    return { pngBase64: png.toString('base64'), page: previewPage(page, plan.pages), pages: plan.pages, width: plan.width, height: plan.height };
  });

  // Each export runs in the session from its first step, save dialog included, so a cancel that
  // arrives before the file is chosen still stops it (the services check the signal first).
  registrar.handle('export:contactSheet', ({ settings, selectedPanelIds }) =>
    session.run(async (signal) => {
      const { project, root, input: sheet } = await input(selectedPanelIds, settings.captions);
      const target = await dialogs.chooseSavePath({
        title: 'Export contact sheet',
        defaultPath: path.join(path.dirname(root), `${fileNameBase(project.title)} contact sheet.png`),
        extensions: ['png'],
      });
      if (!target) return null;
      // The save dialog already asked before replacing the file the artist named.
      const result = await exportContactSheet(sheet, sheetOptions(project, settings), target, {
        overwrite: true,
        signal,
        onProgress: (progress) => registrar.push('export:progress', progress),
      });
      session.lastExport = result.files;
      return { files: result.files, pages: result.pages, withoutImage: result.withoutImage, missingImages: result.missingImages };
    }),
  );

  registrar.handle('export:reveal', async ({ target }) => {
    const file = session.lastExport?.[0];
    if (!file) throw new CastboardError('NOT_FOUND', 'Nothing has been exported in this window yet.');
    if (!shell) throw new CastboardError('INTERNAL', 'This window cannot open files or folders.');
    if (target === 'folder') shell.showItemInFolder(file);
    else {
      const problem = await shell.openPath(file);
      if (problem) throw new CastboardError('NOT_FOUND', `The exported file could not be opened: ${problem}`);
    }
    return null;
  });
}
