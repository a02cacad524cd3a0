/**
 * Spellcheck never downloads, and where it is on its suggestions are usable: spellcheck is on
 * only on macOS (OS dictionaries), off for windows and the session elsewhere; the right-click menu
 * offers suggestions for a misspelled word, and the text-editing roles in fields. The glue runs on
 * the Electron mock: a 'context-menu' event with Electron's params pops up the menu, and a
 * suggestion replaces the word through webContents.replaceMisspelling (webContents docs).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../electron/services/logger';
import { buildContextMenuTemplate, type ContextFacts } from '../../../../electron/main/window/context-menu';
import { configureSpellcheck, spellcheckEnabled } from '../../../../electron/main/window/spellcheck';
import { secureWebPreferences } from '../../../../electron/main/window/web-preferences';
import { electronMock, FakeBrowserWindow } from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electronMock);
const { createMainWindow } = await import('../../../../electron/main/window/create-main-window');

const field: ContextFacts = {
  misspelledWord: '',
  dictionarySuggestions: [],
  isEditable: true,
  selectionText: '',
  editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
};

beforeEach(() => {
  FakeBrowserWindow.instances = [];
  electronMock.Menu.buildFromTemplate.mockClear();
});

describe('spellcheck', () => {
  it('is on only on macOS, where the OS dictionaries need no download', () => {
    expect(secureWebPreferences('/p.cjs', 'darwin').spellcheck).toBe(true);
    for (const platform of ['win32', 'linux'] as const) {
      expect(spellcheckEnabled(platform)).toBe(false);
      expect(secureWebPreferences('/p.cjs', platform).spellcheck).toBe(false);
    }
  });

  it('turns the session spellchecker off where it would download dictionaries', () => {
    for (const [platform, disabled] of [['linux', true], ['win32', true], ['darwin', false]] as const) {
      const session = { setSpellCheckerEnabled: vi.fn() };
      configureSpellcheck(session, platform);
      if (disabled) expect(session.setSpellCheckerEnabled).toHaveBeenCalledExactlyOnceWith(false);
      else expect(session.setSpellCheckerEnabled).not.toHaveBeenCalled();
    }
  });
});

describe('context menu', () => {
  it('offers up to five suggestions and Add to Dictionary for a misspelled word', () => {
    const actions = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() };
    const template = buildContextMenuTemplate({ ...field, misspelledWord: 'courrier', dictionarySuggestions: ['courier', 'currier', 'courser', 'couriers', 'courter', 'coarser'] }, actions);
    const labels = template.map((item) => item.label ?? item.role ?? item.type);
    expect(labels).toEqual(['courier', 'currier', 'courser', 'couriers', 'courter', 'Add to Dictionary', 'separator', 'cut', 'copy', 'paste', 'separator', 'selectAll']);
    (template[0]?.click as () => void)();
    (template[5]?.click as () => void)();
    expect(actions.replaceMisspelling).toHaveBeenCalledWith('courier');
    expect(actions.addToDictionary).toHaveBeenCalledWith('courrier');
    expect(template.find((item) => item.role === 'cut')?.enabled).toBe(false);
  });

  it('says so when there is no suggestion, offers Copy for selected text, and nothing elsewhere', () => {
    const actions = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() };
    expect(buildContextMenuTemplate({ ...field, misspelledWord: 'Zqxv' }, actions)[0]).toEqual({ label: 'No Guesses Found', enabled: false });
    expect(buildContextMenuTemplate({ ...field, isEditable: false, selectionText: 'Mara' }, actions)).toEqual([{ role: 'copy' }]);
    expect(buildContextMenuTemplate({ ...field, isEditable: false }, actions)).toEqual([]);
  });

  it('pops up on right-click in the window and replaces the word through the page', () => {
    const window = createMainWindow({ preloadPath: '/p.cjs', logger: silentLogger, placement: { bounds: { x: 0, y: 0, width: 1440, height: 900 }, maximized: false } }) as unknown as FakeBrowserWindow;
    window.webContents.emit('context-menu', {}, { ...field, misspelledWord: 'raincaot', dictionarySuggestions: ['raincoat'] });
    const menu = electronMock.Menu.buildFromTemplate.mock.results[0]?.value as { template: Array<{ label?: string; click?: () => void }>; popup: ReturnType<typeof vi.fn> };
    expect(menu.popup).toHaveBeenCalledWith({ window });
    menu.template.find((item) => item.label === 'raincoat')?.click?.();
    expect(window.webContents.replaceMisspelling).toHaveBeenCalledWith('raincoat');
    menu.template.find((item) => item.label === 'Add to Dictionary')?.click?.();
    expect(window.webContents.session.addWordToSpellCheckerDictionary).toHaveBeenCalledWith('raincaot');
  });
});
