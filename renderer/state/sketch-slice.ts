/**
 * Images into panels and the sketch pad, as app state: which panel's sketch pad is open, the last
 * import problem (shown where the artist dropped the file), and how closely a render follows the
 * drawing. Imports go through main (`project:importPanelImage`), which verifies, stores and adds
 * the take; the take main sends back is merged like any added take, so the renderer never
 * writes takes itself. The document is flushed first so main knows a panel made seconds ago.
 */
import type { RenderFollow } from '../../shared/generation/render-plan';
import { messageOf } from '../lib/errors';
import type { AppSlice, StoreDeps } from './store-types';

export type PanelImageRequest =
  | { source: 'dialog' }
  | { source: 'bytes'; base64: string; fileName: string; origin?: 'imported' | 'sketch'; baseTakeId?: string };

export interface SketchSlice {
  /** The panel whose sketch pad is open, or null. */
  sketchPanelId: string | null;
  panelImageError: { panelId: string; message: string } | null;
  renderFollow: RenderFollow;
  openSketch(panelId: string): void;
  closeSketch(): void;
  setRenderFollow(follow: RenderFollow): void;
  dismissPanelImageError(): void;
  /** Adds the image as the panel's active take; false (with panelImageError set) when refused. */
  importPanelImage(panelId: string, request: PanelImageRequest): Promise<boolean>;
}

export function createSketchSlice(deps: StoreDeps): AppSlice<SketchSlice> {
  return (set, get) => ({
    sketchPanelId: null,
    panelImageError: null,
    renderFollow: 'balanced',
    openSketch: (panelId) => set({ sketchPanelId: panelId }),
    closeSketch: () => set({ sketchPanelId: null }),
    setRenderFollow: (renderFollow) => set({ renderFollow }),
    dismissPanelImageError: () => set({ panelImageError: null }),
    async importPanelImage(panelId, request) {
      set({ panelImageError: null });
      try {
        await deps.sync().flush();
        const added =
          request.source === 'dialog'
            ? await deps.api.project.importPanelImage({ source: 'dialog', panelId, origin: 'imported' })
            : await deps.api.project.importPanelImage({ ...request, panelId, origin: request.origin ?? 'imported' });
        if (!added) return false;
        get().applyTakesAdded(added);
        return true;
      } catch (error) {
        set({ panelImageError: { panelId, message: messageOf(error) } });
        return false;
      }
    },
  });
}
