/**
 * Characters' reference images as the window sees them: importing one (file dialog, drop, paste).
 * Invariants:
 *  - the import button says "Importing…" only once a file is being imported: while the OS file
 *    dialog is open nothing is (referenceDialog.stage 'choosing' until main pushes
 *    project:imageChosen). The dialog is modal to the window, so there is one at a time.
 */
import * as edits from './doc-edits';
import type { AppSlice, StoreDeps } from './store-types';

export interface ReferenceSlice {
  /** The file dialog of a character's reference image: open ('choosing') or its file being imported. */
  referenceDialog: { characterId: string; stage: 'choosing' | 'importing' } | null;
  /** Stores an image in the project through main, then makes it the character's reference (one undo step). */
  importReferenceImage(characterId: string, request: { source: 'dialog' } | { source: 'bytes'; base64: string }): Promise<void>;
  /** Main's project:imageChosen: the open dialog's file is being imported. */
  referenceImageChosen(): void;
}

export function createReferenceSlice(deps: StoreDeps): AppSlice<ReferenceSlice> {
  return (set, get) => ({
      referenceDialog: null,
      async importReferenceImage(characterId, request) {
        if (request.source === 'dialog') set({ referenceDialog: { characterId, stage: 'choosing' } });
        try {
          const imported = await deps.api.project.importImage(request);
          if (imported) get().edit(null, (doc) => edits.updateCharacter(doc, characterId, { referenceImage: imported.image }));
        } finally {
          if (request.source === 'dialog') set({ referenceDialog: null });
        }
      },
      referenceImageChosen() {
        const open = get().referenceDialog;
        if (open?.stage === 'choosing') set({ referenceDialog: { ...open, stage: 'importing' } });
      },
  });
}
