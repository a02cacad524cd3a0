/**
 * The file dialogs features need, as a port: native dialogs in the app, scripted answers in the
 * browser harness and tests. Every method resolves to null (confirm: false) when the user cancels.
 */
export interface DialogPort {
  chooseFolder(options: { title: string; buttonLabel?: string }): Promise<string | null>;
  chooseImageFile(options: { title: string }): Promise<string | null>;
  chooseSavePath(options: { title: string; defaultPath?: string; extensions?: string[] }): Promise<string | null>;
  /** A yes/no question shown by main itself, in main's words (the renderer cannot answer it). */
  confirm(options: { title: string; message: string; detail: string; confirmLabel: string }): Promise<boolean>;
}
