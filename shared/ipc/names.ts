/**
 * The names of every contract channel and push event, without their schemas: what the preload's
 * bridge needs to refuse unknown names (create-bridge.ts), at no cost. Building the contract's zod
 * schemas takes tens of milliseconds in a page, and the preload runs before the app's first paint.
 * Invariant: exactly the keys of `channels` and `events` in contract.ts; the contract fails to
 * type-check when either list and the schemas disagree.
 */
export const CHANNEL_NAMES = [
  'app:info', 'app:setTitleState', 'app:setModalState',
  'settings:get', 'settings:update',
  'key:status', 'key:set', 'key:clear', 'key:test', 'key:destination', 'key:confirmBaseUrl',
  'project:current', 'project:create', 'project:open', 'project:openRecent', 'project:openBackup', 'project:recent', 'project:removeRecent',
  'project:update', 'project:save', 'project:saveAs', 'project:close', 'project:importImage', 'project:importPanelImage',
  'jobs:estimate', 'jobs:generate', 'jobs:restyle', 'jobs:cancel', 'jobs:cancelAll', 'jobs:retry', 'jobs:resume', 'jobs:snapshot', 'jobs:clearFinished',
  'export:preview', 'export:contactSheet', 'export:reveal', 'export:panelImages', 'export:production', 'export:productionPreview', 'export:cancel',
  'consistency:check', 'consistency:referenceFace', 'consistency:saved',
] as const;

export const EVENT_NAMES = [
  'settings:changed', 'key:changed', 'app:command', 'project:status', 'project:takesAdded', 'project:imageChosen',
  'jobs:progress', 'export:progress', 'consistency:progress', 'consistency:results',
] as const;

export type ChannelNameListed = (typeof CHANNEL_NAMES)[number];
export type EventNameListed = (typeof EVENT_NAMES)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNEL_NAMES);
const eventSet: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isChannelName(name: string): name is ChannelNameListed {
  return channelSet.has(name);
}

export function isEventName(name: string): name is EventNameListed {
  return eventSet.has(name);
}
