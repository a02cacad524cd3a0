/**
 * Panel PNGs named for the edit and the schedule: one file per active take, `007-mara-climbs.png`
 * (number and scene slug). The writing (all-or-nothing, no silent replace, PNG takes copied byte
 * for byte) is panel-images.ts's.
 */
import { exportPanelImages, type PanelImagesResult, type PanelImagesRunOptions } from './panel-images';
import { panelSlugFileName, type ProductionInput } from './production-input';

export function exportSlugPanels(input: ProductionInput, folder: string, run: Omit<PanelImagesRunOptions, 'readImage' | 'selectedOnly'> = {}): Promise<PanelImagesResult> {
  const panels = input.panels.map((panel) => ({ number: panel.number, imagePath: panel.imagePath, fileName: panelSlugFileName(panel) }));
  return exportPanelImages(panels, folder, { ...run, readImage: input.readImage });
}
