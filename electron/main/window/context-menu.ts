/**
 * The right-click menu in the window, as data (a pure function of Electron's context-menu params)
 * plus thin glue. A misspelled word (macOS only, see spellcheck.ts) gets up to five suggestions
 * and "Add to Dictionary"; a text field gets Cut/Copy/Paste/Select All as roles, enabled as the
 * page reports they can act; selected text elsewhere gets Copy. Nothing else: no Inspect, no
 * navigation. An empty template shows no menu.
 */
import { Menu, type BrowserWindow, type ContextMenuParams, type MenuItemConstructorOptions } from 'electron';

export type ContextFacts = Pick<ContextMenuParams, 'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText'> & {
  editFlags: Pick<ContextMenuParams['editFlags'], 'canCut' | 'canCopy' | 'canPaste' | 'canSelectAll'>;
};

export interface ContextActions {
  replaceMisspelling(suggestion: string): void;
  addToDictionary(word: string): void;
}

const MAX_SUGGESTIONS = 5;

function spelling(facts: ContextFacts, actions: ContextActions): MenuItemConstructorOptions[] {
  if (!facts.misspelledWord) return [];
  const suggestions = facts.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
  return [
    ...(suggestions.length === 0
      ? [{ label: 'No Guesses Found', enabled: false }]
      : suggestions.map((suggestion) => ({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) }))),
    { label: 'Add to Dictionary', click: () => actions.addToDictionary(facts.misspelledWord) },
    { type: 'separator' },
  ];
}

export function buildContextMenuTemplate(facts: ContextFacts, actions: ContextActions): MenuItemConstructorOptions[] {
  if (facts.isEditable) {
    const { canCut, canCopy, canPaste, canSelectAll } = facts.editFlags;
    return [
      ...spelling(facts, actions),
      { role: 'cut', enabled: canCut },
      { role: 'copy', enabled: canCopy },
      { role: 'paste', enabled: canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: canSelectAll },
    ];
  }
  return facts.selectionText.trim() ? [{ role: 'copy' }] : [];
}

export function attachContextMenu(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on('context-menu', (_event, params) => {
    const template = buildContextMenuTemplate(params, {
      replaceMisspelling: (suggestion) => contents.replaceMisspelling(suggestion),
      addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window });
  });
}
