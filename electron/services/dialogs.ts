/**
 * The file dialogs features need, as a port: native dialogs in the app, scripted answers in the
 * browser harness and tests. Every method resolves to null when the user cancels.
 */
export interface DialogPort {
  chooseFolder(options: { title: string; buttonLabel?: string }): Promise<string | null>;
  chooseImageFile(options: { title: string }): Promise<string | null>;
  chooseSavePath(options: { title: string; defaultPath?: string; extensions?: string[] }): Promise<string | null>;
}
