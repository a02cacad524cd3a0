/**
 * The application menu as data: every command item maps to a command of the shared vocabulary and
 * runs it, the items are all there on every platform, shortcuts the renderer owns are
 * shown but never registered (so a single-letter key cannot fire from the menu while typing), and
 * the menu's shortcuts are the ones the renderer's shortcut list documents.
 */
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../../../electron/main/menu/menu-commands';
import { buildMenuTemplate, type MenuState } from '../../../../electron/main/menu/menu-template';
import { APP_COMMANDS, AppCommandSchema } from '../../../../shared/domain/commands';
import { SHORTCUT_GROUPS } from '../../../../renderer/features/shortcuts/shortcut-list';

const PLATFORMS = ['darwin', 'linux', 'win32'] as const;
/** Electron's MenuItemConstructorOptions, without importing electron into a test. */
type MenuItemConstructorOptions = ReturnType<typeof buildMenuTemplate>[number];

function build(overrides: Partial<MenuState> = {}) {
  const actions = { run: vi.fn(), openRecent: vi.fn() };
  const state: MenuState = { platform: 'linux', appName: 'Castboard', hasProject: true, recent: [], developer: false, ...overrides };
  return { template: buildMenuTemplate(state, actions), actions };
}

function flatten(items: MenuItemConstructorOptions[], path: string[] = []): Array<{ item: MenuItemConstructorOptions; path: string[] }> {
  return items.flatMap((item) => {
    const here = [...path, (item.label ?? item.role ?? '').replace(/&/g, '')];
    const children = Array.isArray(item.submenu) ? flatten(item.submenu, here) : [];
    return [{ item, path: here }, ...children];
  });
}

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();
const commandItems = (template: MenuItemConstructorOptions[]) => flatten(template).filter(({ item }) => item.id !== undefined);

describe.each(PLATFORMS)('the application menu on %s', (platform) => {
  it('maps every clickable item to an existing command and runs it', () => {
    const { template, actions } = build({ platform, recent: [{ path: '/p/Film.castboard', title: 'Film' }] });
    for (const { item, path } of flatten(template)) {
      if (item.type === 'separator' || item.role || Array.isArray(item.submenu) || item.enabled === false) continue;
      expect(item.click, `${path.join(' > ')} does something`).toBeTypeOf('function');
      if (path.includes('Open Recent')) continue;
      expect(AppCommandSchema.safeParse(item.id).success, `${path.join(' > ')} names a command`).toBe(true);
      actions.run.mockClear();
      click(item);
      expect(actions.run).toHaveBeenCalledExactlyOnceWith(item.id);
    }
  });

  it('offers every menu command exactly once, and never the main-to-renderer project.reload', () => {
    const ids = commandItems(build({ platform }).template).map(({ item }) => item.id);
    expect([...ids].sort()).toEqual(Object.keys(MENU_COMMANDS).sort());
    expect(ids).not.toContain('project.reload');
    expect(APP_COMMANDS.filter((command) => command !== 'project.reload').sort()).toEqual(Object.keys(MENU_COMMANDS).sort());
  });

  it('has the items the issue lists, where an artist looks for them', () => {
    const paths = flatten(build({ platform }).template).map(({ path }) => path.join(' > '));
    const expected = [
      'File > New Project…', 'File > Open Project…', 'File > Open Recent', 'File > Save', 'File > Save As…', 'File > Export…', 'File > Close Project',
      'Edit > Undo', 'Edit > Redo', 'Edit > cut', 'Edit > copy', 'Edit > paste', 'Edit > selectAll',
      'Panel > Add Panel', 'Panel > Duplicate Panel', 'Panel > Delete Panel', 'Panel > Generate…', 'Panel > Restyle…',
      'View > zoomIn', 'View > zoomOut', 'View > resetZoom', 'View > togglefullscreen',
      'Help > Keyboard Shortcuts', 'Help > Open Logs Folder',
      platform === 'darwin' ? 'Castboard > About Castboard' : 'Help > About Castboard',
      platform === 'darwin' ? 'Castboard > quit' : 'File > quit',
    ];
    for (const wanted of expected) expect(paths, wanted).toContain(wanted);
    if (platform !== 'darwin') expect(build({ platform }).template.map((item) => item.label)).toEqual(['&File', '&Edit', '&Panel', '&View', '&Help']);
  });

  it('shows renderer-owned shortcuts without registering them', () => {
    for (const { item } of commandItems(build({ platform }).template)) {
      const spec = MENU_COMMANDS[item.id as MenuCommand];
      if (!spec.accelerator) {
        expect(item.accelerator).toBeUndefined();
      } else if (!spec.rendererKey) {
        expect(item, `${item.id} is the menu's own shortcut`).toMatchObject({ accelerator: spec.accelerator });
        expect(item.registerAccelerator).toBeUndefined();
      } else if (platform === 'darwin') {
        // macOS always registers menu shortcuts: plain keys (N, D, Delete, G, ?) are left off.
        expect(item.accelerator).toBe(spec.accelerator.includes('+') ? spec.accelerator : undefined);
      } else {
        expect(item, `${item.id} is only displayed`).toMatchObject({ accelerator: spec.accelerator, registerAccelerator: false });
      }
    }
  });

  it('greys out project commands until a project is open', () => {
    const closed = commandItems(build({ platform, hasProject: false }).template);
    const open = commandItems(build({ platform, hasProject: true }).template);
    for (const { item } of closed) expect(item.enabled, String(item.id)).toBe(!MENU_COMMANDS[item.id as MenuCommand].needsProject);
    for (const { item } of open) expect(item.enabled, String(item.id)).toBe(true);
    expect(closed.find(({ item }) => item.id === 'project.open')?.item.enabled).toBe(true);
    expect(closed.find(({ item }) => item.id === 'panel.generate')?.item.enabled).toBe(false);
  });
});

describe('Open Recent', () => {
  it('opens the chosen folder through main', () => {
    const { template, actions } = build({ recent: [{ path: '/p/A.castboard', title: 'A' }, { path: '/p/B & C.castboard', title: 'B & C' }] });
    const recent = flatten(template).find(({ path }) => path.join(' > ') === 'File > Open Recent')?.item;
    const entries = recent?.submenu as MenuItemConstructorOptions[];
    expect(entries.map((entry) => entry.label)).toEqual(['A', 'B && C']); // a literal & is not a mnemonic on Linux/Windows
    click(entries[1]!);
    expect(actions.openRecent).toHaveBeenCalledWith('/p/B & C.castboard');
    expect(actions.run).not.toHaveBeenCalled();
  });

  it('tells same-title projects apart by their shortened path and marks a moved or deleted one', () => {
    const recent = [
      { path: '/Volumes/Work/Harbor Films/Boards/Night Market.castboard', title: 'Night Market', missing: false },
      { path: '/Volumes/Work/Lumen Studio/Boards/Night Market.castboard', title: 'Night Market', missing: true },
      { path: '/Volumes/Work/Lumen Studio/Boards/Tide.castboard', title: 'Tide', missing: false },
    ];
    const entries = flatten(build({ recent }).template).find(({ path }) => path.join(' > ') === 'File > Open Recent')?.item.submenu as MenuItemConstructorOptions[];
    expect(entries.map((entry) => entry.label)).toEqual([
      'Night Market — /…/Harbor Films/Boards/Night Market.castboard',
      'Night Market — /…/Lumen Studio/Boards/Night Market.castboard (not found)',
      'Tide',
    ]);
  });

  it('says so when there is nothing recent', () => {
    const recent = flatten(build({ recent: [] }).template).find(({ path }) => path.join(' > ') === 'File > Open Recent')?.item;
    expect(recent?.submenu).toEqual([{ label: 'No Recent Projects', enabled: false }]);
  });
});

describe('developer items', () => {
  it('exist only in development builds', () => {
    const roles = (developer: boolean) => flatten(build({ developer }).template).map(({ item }) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });
});

describe('menu shortcuts and the renderer shortcut list', () => {
  /** "CmdOrCtrl+Shift+Z" -> "Mod+Shift+Z", in the shortcut list's key names. */
  function keysOf(accelerator: string): string {
    return accelerator.split('+').map((key) => (key === 'CmdOrCtrl' ? 'Mod' : key)).sort().join('+');
  }
  const documented = new Set(SHORTCUT_GROUPS.flatMap((group) => group.items.map((item) => [...item.keys].sort().join('+'))));

  it.each(Object.entries(MENU_COMMANDS).filter(([, spec]) => spec.rendererKey))('%s shows the key the renderer documents', (_command, spec) => {
    expect(documented).toContain(keysOf(spec.accelerator!));
  });
});
