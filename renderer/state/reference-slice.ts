/**
 * Characters' reference images as the window sees them: importing one (file dialog, drop,
 * paste), and whether the consistency check can use it (a face found, none, several, unreadable).
 * Invariants:
 *  - the import button says "Importing…" only once a file is being imported: while the OS file
 *    dialog is open nothing is (referenceDialog.stage 'choosing' until main pushes
 *    project:imageChosen). The dialog is modal to the window, so there is one at a time;
 *  - face verdicts are kept by image reference (content-addressed: the same name always means
 *    the same pixels), asked of main once per image and window; never in the document or history;
 *  - a verdict never blocks editing or generating: it is asked in the background and only told.
 */
import type { ReferenceFaceCheck } from '../../shared/domain/reference-face';
import type { ImageRef } from '../../shared/domain/project';
import { messageOf } from '../lib/errors';
import * as edits from './doc-edits';
import type { AppSlice, StoreDeps } from './store-types';

export type ReferenceFaceState = { status: 'checking' } | { status: 'done'; check: ReferenceFaceCheck } | { status: 'failed'; message: string };

export interface ReferenceSlice {
  /** The file dialog of a character's reference image: open ('choosing') or its file being imported. */
  referenceDialog: { characterId: string; stage: 'choosing' | 'importing' } | null;
  referenceFaces: Readonly<Record<ImageRef, ReferenceFaceState>>;
  /** Stores an image in the project through main, then makes it the character's reference (one undo step). */
  importReferenceImage(characterId: string, request: { source: 'dialog' } | { source: 'bytes'; base64: string }): Promise<void>;
  /** Main's project:imageChosen: the open dialog's file is being imported. */
  referenceImageChosen(): void;
  /** Asks main whether the check can use this reference image, unless that is known or being asked. */
  checkReferenceFace(image: ImageRef): Promise<void>;
}

export function createReferenceSlice(deps: StoreDeps): AppSlice<ReferenceSlice> {
  return (set, get) => {
    const setFace = (image: ImageRef, state: ReferenceFaceState) => set({ referenceFaces: { ...get().referenceFaces, [image]: state } });
    return {
      referenceDialog: null,
      referenceFaces: {},
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
      async checkReferenceFace(image) {
        const known = get().referenceFaces[image];
        if (known && known.status !== 'failed') return;
        setFace(image, { status: 'checking' });
        try {
          setFace(image, { status: 'done', check: await deps.api.consistency.referenceFace({ image }) });
        } catch (error) {
          setFace(image, { status: 'failed', message: messageOf(error) });
        }
      },
    };
  };
}
