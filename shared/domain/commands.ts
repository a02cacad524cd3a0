/**
 * The app's command vocabulary: what a menu item, a keyboard shortcut or main itself can ask the
 * window to do. Main pushes them to the renderer as the `app:command` event (menu clicks, and
 * `project.reload` after it opened a project the OS handed it); the renderer runs the same
 * function its own shortcut or button runs. Commands main handles itself (MAIN_COMMANDS) are never
 * sent. Names are `area.verb`. Each side handles its commands with a full Record, so a new
 * command that one side forgets is a compile error, not a menu item that does nothing.
 */
import { z } from 'zod';

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

export const AppCommandSchema = z.enum(APP_COMMANDS);
export type AppCommand = z.infer<typeof AppCommandSchema>;
export type WindowCommand = (typeof WINDOW_COMMANDS)[number];
export type MainCommand = (typeof MAIN_COMMANDS)[number];

export function isMainCommand(command: AppCommand): command is MainCommand {
  return (MAIN_COMMANDS as readonly string[]).includes(command);
}

/** What the window title shows: the open project's title (null: none open) and unsaved state. */
export const TitleStateSchema = z
  .object({
    projectTitle: z.string().max(200).nullable(),
    /** True while there are changes not on disk, including edits not yet handed to main. */
    dirty: z.boolean(),
  })
  .strict();
export type TitleState = z.infer<typeof TitleStateSchema>;

/**
 * What the window tells main about where commands may go. Sent once the window listens for
 * `app:command` (main holds menu commands until then) and whenever a modal dialog opens or
 * closes: while one is open, the menu's Undo/Redo act on the focused text field and other
 * commands wait until it closes.
 */
export const ModalStateSchema = z.object({ modalOpen: z.boolean() }).strict();
export type ModalState = z.infer<typeof ModalStateSchema>;
