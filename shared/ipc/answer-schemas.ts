/**
 * What the renderer holds main's answers and push events to: the contract's response and event
 * schemas, except that an answer carrying an opened project is held to its outline only: main has
 * checked the whole document before sending it (channels/project.ts, projectAnswerShapes). The renderer runs these as checks compiled from them
 * (answer-checks.generated.ts, `npm run gen:checks`); it loads this module, and zod, only when a
 * compiled check refuses or cannot decide (shared/ipc/create-api.ts).
 */
// First: these schemas are built under the renderer's CSP, which refuses zod's eval probe.
import '../zod-without-eval';
import type { z } from 'zod';
import { projectAnswerShapes } from './channels/project';
import { channels, events, type ChannelName, type EventName } from './contract';

const responses = {} as Record<ChannelName, z.ZodType>;
for (const name of Object.keys(channels) as ChannelName[]) responses[name] = channels[name].response;

export const answerSchemas: Readonly<Record<ChannelName, z.ZodType>> = { ...responses, ...projectAnswerShapes };

export const eventSchemas: Readonly<Record<EventName, z.ZodType>> = events;
