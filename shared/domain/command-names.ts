/**
 * The app's command vocabulary: what a menu item, a keyboard shortcut or main itself can ask the
 * window to do. Main pushes them to the renderer as the `app:command` event (menu clicks, and
 * `project.reload` after it opened a project the OS handed it); the renderer runs the same
 * function its own shortcut or button runs. Commands main handles itself (MAIN_COMMANDS) are never
 * sent. Names are `area.verb`. Each side handles its commands with a full Record, so a new
 * command that one side forgets is a compile error, not a menu item that does nothing.
 * Free of zod (commands.ts builds the schemas and re-exports these), so the window's command
 * table is built without loading it.
 */

/** Commands the window runs (main forwards them as `app:command`). */
export const WINDOW_COMMANDS = [
  'project.new',
  'project.open',
  'project.save',
  'project.saveAs',
  'project.export',
  'project.close',
  /** Main opened or switched the project (OS open, Open Recent): fetch `project:current` again. */
  'project.reload',
  'edit.undo',
  'edit.redo',
  'panel.add',
  'panel.duplicate',
  'panel.delete',
  'panel.generate',
  'panel.restyle',
  'consistency.check',
  'app.settings',
  'help.shortcuts',
] as const;

/** Commands main runs itself, with no window involved. */
export const MAIN_COMMANDS = ['help.about', 'help.openLogs'] as const;

export const APP_COMMANDS = [...WINDOW_COMMANDS, ...MAIN_COMMANDS] as const;

export type AppCommand = (typeof APP_COMMANDS)[number];
export type WindowCommand = (typeof WINDOW_COMMANDS)[number];
export type MainCommand = (typeof MAIN_COMMANDS)[number];

export function isMainCommand(command: AppCommand): command is MainCommand {
  return (MAIN_COMMANDS as readonly string[]).includes(command);
}
