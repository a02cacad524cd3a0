/**
 * The app's command vocabulary: what a menu item, a keyboard shortcut or main itself can ask the
 * window to do. Main pushes them to the renderer as the `app:command` event (menu clicks, and
 * `project.reload` after it opened a project the OS handed it); the renderer runs the same
 * function its own shortcut or button runs. Commands main handles itself (help.about,
 * help.openLogs) are never sent. Names are `area.verb`.
 */
import { z } from 'zod';

export const APP_COMMANDS = [
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
  'help.about',
  'help.openLogs',
] as const;

export const AppCommandSchema = z.enum(APP_COMMANDS);
export type AppCommand = z.infer<typeof AppCommandSchema>;

/** What the window title shows: the open project's title (null: none open) and unsaved state. */
export const TitleStateSchema = z
  .object({
    projectTitle: z.string().max(200).nullable(),
    /** True while there are changes not on disk, including edits not yet handed to main. */
    dirty: z.boolean(),
  })
  .strict();
export type TitleState = z.infer<typeof TitleStateSchema>;
