/**
 * What the renderer holds main's answers and push events to: the contract's response and event
 * schemas, except that an answer carrying an opened project is held to its outline only: main has
 * checked the whole document before sending it (channels/project.ts, projectAnswerShapes). The
 * renderer runs these as checks compiled from them (answer-checks/*.generated.ts, one file per
 * group, `npm run gen:checks`); it loads this module, and zod, only when a compiled check refuses
 * or cannot decide (shared/ipc/create-api.ts).
 */
// First: these schemas are built under the renderer's CSP, which refuses zod's eval probe.
import '../zod-without-eval';
import type { z } from 'zod';
import { appChannels, appEvents } from './channels/app';
import { consistencyChannels, consistencyEvents } from './channels/consistency';
import { exportChannels, exportEvents } from './channels/export';
import { jobChannels, jobEvents } from './channels/jobs';
import { panelImageChannels, projectAnswerShapes, projectChannels, projectEvents } from './channels/project';
import type { ChannelSpec } from './define';
import type { ChannelName, EventName } from './contract';

type Schemas = Readonly<Record<string, z.ZodType>>;

function responsesOf(specs: Readonly<Record<string, ChannelSpec>>): Schemas {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.response]));
}

/** By the contract's files (channels/*.ts): each group is compiled into a file of its own. */
export const answerSchemaGroups: Readonly<Record<string, { answers: Schemas; events: Schemas }>> = {
  app: { answers: responsesOf(appChannels), events: appEvents },
  project: { answers: { ...responsesOf({ ...projectChannels, ...panelImageChannels }), ...projectAnswerShapes }, events: projectEvents },
  jobs: { answers: responsesOf(jobChannels), events: jobEvents },
  export: { answers: responsesOf(exportChannels), events: exportEvents },
  consistency: { answers: responsesOf(consistencyChannels), events: consistencyEvents },
};

const groups = Object.values(answerSchemaGroups);
export const answerSchemas = Object.assign({}, ...groups.map((group) => group.answers)) as Readonly<Record<ChannelName, z.ZodType>>;
export const eventSchemas = Object.assign({}, ...groups.map((group) => group.events)) as Readonly<Record<EventName, z.ZodType>>;
