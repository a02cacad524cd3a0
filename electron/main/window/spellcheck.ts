/**
 * Spellcheck without the network. Castboard promises that nothing but the gateway leaves the
 * machine, and on Windows and Linux Chromium's spellchecker downloads Hunspell dictionaries from
 * Google's CDN (Electron's spellchecker docs). So it is on only on macOS, where the OS's own
 * spellchecker and dictionaries are used and nothing is downloaded; elsewhere it is off for the
 * window (webPreferences.spellcheck) and for the session (no dictionary is ever fetched).
 * Where it is on, the context menu (context-menu.ts) offers its suggestions.
 */
import type { Session } from 'electron';

export function spellcheckEnabled(platform: NodeJS.Platform): boolean {
  return platform === 'darwin';
}

export function configureSpellcheck(session: Pick<Session, 'setSpellCheckerEnabled'>, platform: NodeJS.Platform): void {
  if (!spellcheckEnabled(platform)) session.setSpellCheckerEnabled(false);
}
