/**
 * Dropping an image file on a panel card or on the inspector, and pasting one, puts it into that
 * panel (the card under the pointer; the inspector's panel; for a paste, the focused panel).
 * Mounted once around the editor (event delegation), so the board and inspector need no part in
 * it: a card is found by its `data-panel-id`. Drags that carry no files (reordering cards) and
 * pastes into text fields are left alone.
 */
import { useEffect, type DragEvent } from 'react';
import { useAppStoreApi } from '../../state/store-context';
import { pickImageFile, readImageFileAsBase64 } from '../../lib/read-image-file';
import { messageOf } from '../../lib/errors';
import { hasDraggedFiles } from '../../ui/image-drop';

function panelUnder(target: EventTarget | null, focusedId: string | null): string | null {
  if (!(target instanceof Element)) return null;
  const card = target.closest<HTMLElement>('[data-panel-id]');
  if (card?.dataset.panelId) return card.dataset.panelId;
  return target.closest('.inspector') ? focusedId : null;
}

export function usePanelImageDrop() {
  const store = useAppStoreApi();

  const importFile = async (panelId: string, file: File) => {
    try {
      const base64 = await readImageFileAsBase64(file);
      await store.getState().importPanelImage(panelId, { source: 'bytes', base64, fileName: file.name || 'pasted image.png' });
    } catch (error) {
      store.setState({ panelImageError: { panelId, message: messageOf(error) } });
    }
  };

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const file = pickImageFile(event.clipboardData?.files);
      const panelId = store.getState().focusedId;
      if (!file || !panelId || !file.type.startsWith('image/')) return;
      event.preventDefault();
      void importFile(panelId, file);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  });

  return {
    onDragOver(event: DragEvent<HTMLElement>) {
      if (!hasDraggedFiles(event) || !panelUnder(event.target, store.getState().focusedId)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDrop(event: DragEvent<HTMLElement>) {
      const panelId = panelUnder(event.target, store.getState().focusedId);
      const file = pickImageFile(event.dataTransfer.files);
      if (!panelId || !file) return;
      event.preventDefault();
      store.getState().selectPanel(panelId);
      void importFile(panelId, file);
    },
  };
}
