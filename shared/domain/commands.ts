/**
 * The schemas of the app's commands (command-names.ts, free of zod, re-exported here) and of the
 * window state that decides where they go: the title and whether a modal dialog is open.
 */
import { z } from 'zod';
import { APP_COMMANDS } from './command-names';

export * from './command-names';

export const AppCommandSchema = z.enum(APP_COMMANDS);

/** What the window title shows: the open project's title (null: none open) and unsaved state. */
export const TitleStateSchema = z
  .object({
    projectTitle: z.string().max(200).nullable(),
    /** True while there are changes not on disk, including edits not yet handed to main. */
    dirty: z.boolean(),
    /**
     * True while the window holds edits main does not have yet (typed within the last moment,
     * still waiting to be sent): closing waits for them (close-guard.ts). Absent: none.
     */
    unsentEdits: z.boolean().optional(),
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
