/**
 * Showing a finished export to the artist, as a port: Electron's shell in the app, a recorder in
 * the browser harness and tests. Paths come from main's own record of what it wrote, never from
 * the renderer, so a compromised page cannot make the shell open an arbitrary file.
 */
export interface ShellPort {
  /** Opens the file's folder in the system file manager with the file selected. */
  showItemInFolder(fullPath: string): void;
  /** Opens the file in its default application; resolves to an error text ('' when it worked). */
  openPath(fullPath: string): Promise<string>;
}
