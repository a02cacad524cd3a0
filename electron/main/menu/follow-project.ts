/**
 * Keeps the menu in step with the open project without waiting for the renderer: after any call
 * that can open, replace or close the project (or change the recent list), `onSwitch` runs, e.g.
 * to rebuild the menu so project commands are enabled and Open Recent is current. Wraps the
 * dispatcher, so it sees every such call whichever window made it; answers are passed through
 * untouched.
 */
import type { ChannelName } from '../../../shared/ipc/contract';
import type { Dispatcher } from '../ipc/dispatcher';

export const PROJECT_SWITCH_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'project:create',
  'project:open',
  'project:openRecent',
  'project:openBackup',
  'project:saveAs',
  'project:close',
  'project:removeRecent',
]);

export function notifyOnProjectSwitch(dispatcher: Dispatcher, onSwitch: () => void): Dispatcher {
  return {
    register: (channel, handler) => dispatcher.register(channel, handler),
    checkEvent: (event, payload) => dispatcher.checkEvent(event, payload),
    async dispatch(channel, payload) {
      const answer = await dispatcher.dispatch(channel, payload);
      if (PROJECT_SWITCH_CHANNELS.has(channel as ChannelName)) onSwitch();
      return answer;
    },
  };
}
