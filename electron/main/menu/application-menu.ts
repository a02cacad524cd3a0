/**
 * The thin glue that installs the menu: builds the pure template with the current state and hands
 * it to Menu.setApplicationMenu. `refresh()` rebuilds it (cheap) when what it shows changes: a
 * project opened or closed, the recent list changed. The state may be async (the recent list is
 * read from the store); a refresh that finishes after a newer one is dropped.
 */
import { Menu } from 'electron';
import type { Logger } from '../../services/logger';
import { buildMenuTemplate, type MenuActions, type MenuState } from './menu-template';

export interface ApplicationMenu {
  refresh(): Promise<void>;
}

export function installApplicationMenu(state: () => MenuState | Promise<MenuState>, actions: MenuActions, logger: Logger): ApplicationMenu {
  let latest = 0;
  const refresh = async () => {
    const ticket = ++latest;
    try {
      const current = await state();
      if (ticket === latest) Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(current, actions)));
    } catch (error) {
      logger.error('Could not rebuild the application menu', { error });
    }
  };
  void refresh();
  return { refresh };
}
