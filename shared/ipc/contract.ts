/**
 * The IPC contract: every channel and push event is declared exactly once, here, with zod
 * schemas. Main parses every request with it before a handler runs; createApi() derives the
 * renderer's typed API from it. Channel names are `domain:verb`.
 */
import type { z } from 'zod';
import type { ChannelSpec } from './define';
import type { ChannelNameListed, EventNameListed } from './names';
import { appChannels, appEvents } from './channels/app';
import { consistencyChannels, consistencyEvents } from './channels/consistency';
import { exportChannels, exportEvents } from './channels/export';
import { jobChannels, jobEvents } from './channels/jobs';
import { panelImageChannels, projectChannels, projectEvents } from './channels/project';

export const channels = {
  ...appChannels,
  ...projectChannels,
  ...panelImageChannels,
  ...jobChannels,
  ...exportChannels,
  ...consistencyChannels,
} satisfies Record<`${string}:${string}`, ChannelSpec>;

export const events = {
  ...appEvents,
  ...projectEvents,
  ...jobEvents,
  ...exportEvents,
  ...consistencyEvents,
} satisfies Record<`${string}:${string}`, z.ZodType>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type EventName = keyof typeof events;

/** What a caller passes (before defaults/transforms). */
export type RequestInput<C extends ChannelName> = z.input<Channels[C]['request']>;
/** What a handler receives (after parsing). */
export type RequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export { isChannelName, isEventName } from './names';

/** Compile-time: names.ts lists exactly the channels and events declared here, no more, no fewer. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchContract: [Same<ChannelName, ChannelNameListed>, Same<EventName, EventNameListed>] = [true, true];
void namesMatchContract;
