/**
 * The schemas main checks its own answers with before they leave (dispatcher.ts): the contract's,
 * except that an opened project's document is not parsed again when it is the very object a
 * ProjectSchema parse produced (electron/services/project/checked-projects.ts). Main only ever holds
 * such objects and never mutates them, so the check still guarantees the contract (no unknown
 * field can leave, strict schemas all the way down) and costs nothing for a 500-panel board,
 * instead of tens of milliseconds on every open. Any other object is parsed in full, as before.
 */
import { z } from 'zod';
import { ProjectSchema, type Project } from '../../../shared/domain/project';
import { OpenedProjectSchema, openedProjectAnswers } from '../../../shared/ipc/channels/project';
import { channels, type ChannelName } from '../../../shared/ipc/contract';
import { isCheckedProject } from '../../services/project/checked-projects';

const ProjectCheckedOnce = z.union([z.custom<Project>(isCheckedProject), ProjectSchema]);
const OpenedProjectAnswer = OpenedProjectSchema.extend({ project: ProjectCheckedOnce });

const overrides: Partial<Record<ChannelName, z.ZodType>> = openedProjectAnswers(OpenedProjectAnswer);

export function responseSchema(channel: ChannelName): z.ZodType {
  return overrides[channel] ?? channels[channel].response;
}
