/** Native file dialogs behind the DialogPort, attached to the focused window. */
import { BrowserWindow, dialog, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { DialogPort } from '../../services/dialogs';

async function open(options: OpenDialogOptions): Promise<string | null> {
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

export function createNativeDialogs(): DialogPort {
  return {
    chooseFolder: ({ title, buttonLabel }) => open({ title, buttonLabel, properties: ['openDirectory', 'createDirectory'] }),
    chooseImageFile: ({ title }) =>
      open({ title, properties: ['openFile'], filters: [{ name: 'Images', extensions: ['png', 'jpg', 'jpeg', 'webp'] }] }),
    async chooseSavePath({ title, defaultPath, extensions }) {
      const options: SaveDialogOptions = { title, defaultPath, filters: extensions ? [{ name: extensions.join(', ').toUpperCase(), extensions }] : [] };
      const parent = BrowserWindow.getFocusedWindow();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async confirm({ title, message, detail, confirmLabel }) {
      // Cancel is the default and the Escape answer: only a deliberate click confirms.
      const options: MessageBoxOptions = { type: 'warning', title, message, detail, buttons: ['Cancel', confirmLabel], defaultId: 0, cancelId: 0, noLink: true };
      const parent = BrowserWindow.getFocusedWindow();
      const result = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
      return result.response === 1;
    },
  };
}
