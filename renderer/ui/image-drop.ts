/**
 * Drop and paste of an image file onto anything that accepts one (a character's reference, a
 * panel card, the inspector). Only a drag that carries files is taken, so dragging cards to
 * reorder them is left alone; the file is handed to `run`, which sends it to main for the checks.
 */
import type { ClipboardEvent, DragEvent } from 'react';
import { pickImageFile } from '../lib/read-image-file';

export type ImportRequest = { source: 'dialog' } | { source: 'bytes'; file: File };

export function hasDraggedFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

export function dropHandlers(run: (request: ImportRequest) => Promise<void>, setOver: (over: boolean) => void) {
  return {
    onDragOver(event: DragEvent<HTMLElement>) {
      if (!hasDraggedFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop(event: DragEvent<HTMLElement>) {
      setOver(false);
      const file = pickImageFile(event.dataTransfer.files);
      if (!file) return;
      event.preventDefault();
      void run({ source: 'bytes', file });
    },
    onPaste(event: ClipboardEvent<HTMLElement>) {
      const file = pickImageFile(event.clipboardData.files);
      if (!file) return;
      event.preventDefault();
      void run({ source: 'bytes', file });
    },
  };
}
