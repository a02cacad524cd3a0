/**
 * Recently deleted panels, kept in the project file so a deleted panel (and the paid takes it
 * holds) can be brought back after the project is closed and reopened, not only by undo in the
 * same session. Optional in the schema: files written before it existed open unchanged. The
 * list is bounded; the oldest entries fall off first.
 */
import { z } from 'zod';
import { PanelSchema } from './project-panel';
import { MAX_RECENTLY_DELETED } from './project-document';
import { IsoDateSchema } from './project-primitives';

export const DeletedPanelSchema = z
  .object({
    /** The panel as it was, with its takes. */
    panel: PanelSchema,
    /** Its 0-based place on the board when it was deleted (restore puts it back there, or at the end). */
    index: z.number().int().min(0),
    deletedAt: IsoDateSchema,
  })
  .strict();
export type DeletedPanel = z.infer<typeof DeletedPanelSchema>;

export const RecentlyDeletedSchema = z.array(DeletedPanelSchema).max(MAX_RECENTLY_DELETED);
