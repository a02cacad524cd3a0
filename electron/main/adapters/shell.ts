/** The ShellPort on Electron's shell module (thin glue; the policy lives in register-export). */
import { shell } from 'electron';
import type { ShellPort } from '../../services/shell';

export function createElectronShell(): ShellPort {
  return {
    showItemInFolder: (fullPath) => shell.showItemInFolder(fullPath),
    openPath: (fullPath) => shell.openPath(fullPath),
  };
}
