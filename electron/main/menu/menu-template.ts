/**
 * The application menu as data: a pure function of the platform, a little app state and two
 * callbacks, so every item can be checked in a test without Electron. Items that run a command
 * carry the command as their `id`; the rest are Electron roles (clipboard, zoom, window) or the
 * Open Recent list. Invariants:
 *  - a shortcut the renderer owns is displayed, never registered (Windows/Linux:
 *    registerAccelerator false; macOS, which always registers, shows only modifier shortcuts so a
 *    single-letter key can never fire from the menu while the artist types);
 *  - project-only commands are disabled while no project is open;
 *  - developer items (reload, devtools) exist only in development builds.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ListedRecentProject } from '../../../shared/domain/project-status';
import { shortPaths } from '../../../shared/domain/short-path';
import { MENU_COMMANDS, type MenuCommand } from './menu-commands';

export interface MenuState {
  platform: NodeJS.Platform;
  appName: string;
  hasProject: boolean;
  recent: readonly (Pick<ListedRecentProject, 'path' | 'title'> & Partial<Pick<ListedRecentProject, 'missing'>>)[];
  /** Development build: adds Reload and Developer Tools. */
  developer: boolean;
}

export interface MenuActions {
  run(command: MenuCommand): void;
  openRecent(path: string): void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * Open Recent labels: the title; where two entries share one, the path shortened in the middle so
 * they can be told apart; "(not found)" for a project that was moved or deleted.
 */
function recentLabels(recent: MenuState['recent']): string[] {
  const shorts = shortPaths(recent.map((entry) => entry.path));
  const titles = recent.map((entry) => entry.title);
  return recent.map((entry, index) => {
    const shared = entry.title !== '' && titles.indexOf(entry.title) !== titles.lastIndexOf(entry.title);
    const name = entry.title || entry.path;
    return `${name}${shared ? ` — ${shorts[index]}` : ''}${entry.missing ? ' (not found)' : ''}`;
  });
}

function hasModifier(accelerator: string): boolean {
  return /(^|\+)(CmdOrCtrl|CommandOrControl|Cmd|Command|Ctrl|Control|Alt|Option|Super|Meta)\+/i.test(accelerator);
}

/** Shortcut fields for one command, following the display-versus-register rule above. */
function shortcut(command: MenuCommand, platform: NodeJS.Platform): Pick<MenuItemConstructorOptions, 'accelerator' | 'registerAccelerator'> {
  const { accelerator, rendererKey } = MENU_COMMANDS[command];
  if (!accelerator) return {};
  if (!rendererKey) return { accelerator };
  if (platform === 'darwin') return hasModifier(accelerator) ? { accelerator } : {};
  return { accelerator, registerAccelerator: false };
}

/** Windows and Linux read `&` as a mnemonic marker; a literal one is doubled. */
function menuText(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text : text.replaceAll('&', '&&');
}

export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const { platform } = state;
  const mac = platform === 'darwin';
  const item = (command: MenuCommand, label = MENU_COMMANDS[command].label): MenuItemConstructorOptions => ({
    id: command,
    label,
    ...shortcut(command, platform),
    enabled: !MENU_COMMANDS[command].needsProject || state.hasProject,
    click: () => actions.run(command),
  });
  const top = (label: string, submenu: MenuItemConstructorOptions[]): MenuItemConstructorOptions => ({ label: mac ? label : `&${label}`, submenu });

  const recentLabel = recentLabels(state.recent);
  const recent: MenuItemConstructorOptions = {
    label: 'Open Recent',
    submenu:
      state.recent.length === 0
        ? [{ label: 'No Recent Projects', enabled: false }]
        : state.recent.map((entry, index) => ({
            label: menuText(recentLabel[index]!, platform),
            ...(mac ? { toolTip: entry.path } : {}),
            click: () => actions.openRecent(entry.path),
          })),
  };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [{
        label: state.appName,
        submenu: [
          item('help.about', `About ${state.appName}`),
          separator,
          item('app.settings'),
          separator,
          { role: 'services' },
          separator,
          { role: 'hide' },
          { role: 'hideOthers' },
          { role: 'unhide' },
          separator,
          { role: 'quit' },
        ],
      }]
    : [];

  const file = [
    item('project.new'),
    item('project.open'),
    recent,
    separator,
    item('project.save'),
    item('project.saveAs'),
    item('project.export'),
    separator,
    item('project.close'),
    ...(mac ? [] : [separator, item('app.settings'), separator, { role: 'quit' } as const]),
  ];

  // Undo/Redo are app commands, not the `undo`/`redo` roles: a role item ignores `click` on macOS
  // (Electron's MenuItem docs), and the storyboard's undo must win outside dialogs. Inside a dialog
  // the command gate runs webContents.undo()/redo() on the focused field, as the roles would. The
  // clipboard items are roles, so text fields get native cut/copy/paste/select all everywhere.
  const edit: MenuItemConstructorOptions[] = [
    item('edit.undo'),
    item('edit.redo'),
    separator,
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'selectAll' },
  ];

  const panel = [item('panel.add'), item('panel.duplicate'), item('panel.delete'), separator, item('panel.generate'), item('panel.restyle'), separator, item('consistency.check')];

  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    separator,
    { role: 'togglefullscreen' },
    ...(state.developer ? [separator, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
  ];

  const help = [item('help.shortcuts'), item('help.openLogs'), ...(mac ? [] : [separator, item('help.about')])];

  return [
    ...appMenu,
    top('File', file),
    top('Edit', edit),
    top('Panel', panel),
    top('View', view),
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    { ...top('Help', help), ...(mac ? { role: 'help' as const } : {}) },
  ];
}
