/**
 * Where a command goes: main runs the few it can do alone (About, Open Logs Folder); every other
 * command is pushed to the renderer as `app:command`, which runs the same function its own
 * shortcut or button runs. A failing main-side command is logged, never thrown into a menu click.
 */
import { isMainCommand, type AppCommand, type MainCommand } from '../../../shared/domain/commands';
import type { Logger } from '../../services/logger';

export type MainCommandHandlers = Record<MainCommand, () => void | Promise<void>>;

export interface CommandRouterDeps {
  main: MainCommandHandlers;
  forward: (command: AppCommand) => void;
  logger: Logger;
}

export function createCommandRouter({ main, forward, logger }: CommandRouterDeps): (command: AppCommand) => void {
  return (command) => {
    if (!isMainCommand(command)) {
      forward(command);
      return;
    }
    Promise.resolve()
      .then(main[command])
      .catch((error: unknown) => logger.error('Menu command failed', { command, error }));
  };
}
