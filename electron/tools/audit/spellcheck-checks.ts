/**
 * Audit check: the spellchecker never downloads dictionaries (Castboard promises that nothing but
 * the gateway leaves the machine). On Windows and Linux, where Chromium would fetch Hunspell
 * dictionaries from a CDN, spellcheck is off in the windows' preferences and in the session, and
 * the composition root applies that; no code points the spellchecker at a download URL or asks for
 * languages (which would start downloads).
 */
import { configureSpellcheck } from '../../main/window/spellcheck';
import { secureWebPreferences } from '../../main/window/web-preferences';
import { result, type CheckResult } from './check';
import { calls, isScript, lineOf, parse, type SourceFile } from './source-files';

const DOWNLOADING = ['setSpellCheckerDictionaryDownloadURL', 'setSpellCheckerLanguages'];

export function checkSpellcheckOffline(files: SourceFile[]): CheckResult {
  const failures: string[] = [];
  for (const platform of ['win32', 'linux'] as const) {
    if (secureWebPreferences('/preload.cjs', platform).spellcheck !== false) failures.push(`secureWebPreferences() turns spellcheck on for ${platform}, where it downloads dictionaries.`);
    let sessionSpellcheck: boolean | undefined;
    configureSpellcheck({ setSpellCheckerEnabled: (enabled: boolean) => void (sessionSpellcheck = enabled) }, platform);
    if (sessionSpellcheck !== false) failures.push(`configureSpellcheck() leaves the session spellchecker on for ${platform}.`);
  }
  const root = files.find((file) => file.path === 'electron/main/index.ts');
  if (!root || !/configureSpellcheck\(\s*session\.defaultSession/.test(root.text)) failures.push('electron/main/index.ts must call configureSpellcheck(session.defaultSession, ...).');
  for (const file of files.filter(isScript)) {
    const source = parse(file);
    for (const name of DOWNLOADING) for (const call of calls(source, name)) failures.push(`${file.path}:${lineOf(source, call)} calls ${name}(), which makes the spellchecker download dictionaries.`);
  }
  return result('Spellcheck downloads nothing (macOS OS dictionaries only)', failures, ['spellcheck is off for windows and session on Windows and Linux; on macOS the OS spellchecker is used.']);
}
