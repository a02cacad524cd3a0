/**
 * The project's own security checks (npm run audit:security) pass on the real source, and each one
 * fails on a small synthetic violation, so the audit cannot silently stop checking. (The
 * electronegativity run itself is exercised by the audit in CI; its comparison with the reviewed
 * exceptions is tested here.)
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareFindings, readReviewed, type Finding } from '../../../electron/tools/audit/electronegativity';
import { checkProjectFileAccess } from '../../../electron/tools/audit/fs-checks';
import { checkIpcSenders, checkPreloadExposure, PRELOAD, REGISTRAR } from '../../../electron/tools/audit/ipc-checks';
import { readSources, type SourceFile } from '../../../electron/tools/audit/source-files';
import { checkSpellcheckOffline } from '../../../electron/tools/audit/spellcheck-checks';
import { checkContentSecurityPolicy, checkNoFileUrls, checkWindowLockDown, policyProblems } from '../../../electron/tools/audit/web-checks';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const sources = readSources(repoRoot);
const replace = (file: string, text: string): SourceFile[] => [...sources.filter((source) => source.path !== file), { path: file, text }];
const add = (file: string, text: string): SourceFile[] => [...sources, { path: file, text }];

describe('the audit on the real source', () => {
  it('passes every project check', async () => {
    for (const check of [checkIpcSenders(sources), checkPreloadExposure(sources), checkNoFileUrls(sources), await checkContentSecurityPolicy(sources), checkWindowLockDown(sources), checkSpellcheckOffline(sources), checkProjectFileAccess(sources)]) {
      expect(check.details, check.name).toEqual(expect.any(Array));
      expect(check.ok, `${check.name}: ${check.details.join('; ')}`).toBe(true);
    }
  });

  it('has a reason for every reviewed electronegativity exception', async () => {
    const reviewed = await readReviewed(path.join(repoRoot, 'electron/tools/audit/reviewed-findings.json'));
    expect(reviewed.length).toBeGreaterThan(0);
    expect(compareFindings([], reviewed).ok).toBe(true);
  });
});

describe('each check fails on a violation', () => {
  it('a service outside the confined file layer that loads fs (statically, dynamically or by require)', () => {
    expect(checkProjectFileAccess(add('electron/services/export/sneaky.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;")).ok).toBe(false);
    expect(checkProjectFileAccess(add('electron/services/export/sneaky.ts', "export const r = () => import('fs');")).ok).toBe(false);
    expect(checkProjectFileAccess(add('electron/services/export/sneaky.ts', "export const r = require('node:fs');")).ok).toBe(false);
    // An fs user that must never touch a project, yet loads a project-path helper.
    const fonts = sources.find((file) => file.path === 'electron/services/export/font.ts')!;
    expect(checkProjectFileAccess(replace(fonts.path, `import { imageFilePath } from '../project/project-paths';\n${fonts.text}`)).ok).toBe(false);
    // Mentioning fs in a comment is fine.
    expect(checkProjectFileAccess(add('electron/services/export/fine.ts', '// never import node:fs here\nexport const a = 1;')).ok).toBe(true);
  });

  it('ipcMain outside the registrar, or electron-log registering its own listener', () => {
    expect(checkIpcSenders(add('electron/main/sneaky.ts', "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);")).ok).toBe(false);
    expect(checkIpcSenders(add('electron/main/log2.ts', "import log from 'electron-log/main';\nlog.info('x');")).ok).toBe(false);
    // Mentioning it in a comment is fine.
    expect(checkIpcSenders(add('electron/main/ok.ts', '// never use ipcMain here\nexport const a = 1;')).ok).toBe(true);
  });

  it('a registrar that dispatches before checking the sender', () => {
    const registrar = sources.find((file) => file.path === REGISTRAR)!;
    const swapped = registrar.text.replace('const frame = event.senderFrame;', 'await dispatcher.dispatch(channel, payload);\n        const frame = event.senderFrame;');
    expect(swapped).not.toBe(registrar.text);
    expect(checkIpcSenders(replace(REGISTRAR, swapped)).ok).toBe(false);
  });

  it('a preload that exposes ipcRenderer, or a second exposed object', () => {
    const preload = sources.find((file) => file.path === PRELOAD)!;
    expect(checkPreloadExposure(replace(PRELOAD, `${preload.text}\ncontextBridge.exposeInMainWorld('ipc', ipcRenderer);`)).ok).toBe(false);
    expect(checkPreloadExposure(add('renderer/leak.ts', 'export const r = (window as any).ipcRenderer;')).ok).toBe(false);
  });

  it('a local-file URL in code or HTML, but not in a comment', () => {
    expect(checkNoFileUrls(add('electron/main/bad.ts', "export const u = 'file:///etc/passwd';")).ok).toBe(false);
    expect(checkNoFileUrls(add('electron/main/bad2.ts', 'declare const w: { loadFile(p: string): void };\nw.loadFile("index.html");')).ok).toBe(false);
    expect(checkNoFileUrls(add('renderer/bad.html', '<img src="file:///tmp/x.png">')).ok).toBe(false);
    expect(checkNoFileUrls(add('electron/main/fine.ts', '// never file://\nexport const a = 1;')).ok).toBe(true);
  });

  it('a CSP with inline script, eval, a remote origin or a missing directive', () => {
    const good = "default-src 'none'; script-src 'self'; img-src 'self' blob: castboard-media:; object-src 'none'; base-uri 'none'; form-action 'none'";
    expect(policyProblems('meta', good, { header: false })).toEqual([]);
    expect(policyProblems('meta', good.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"), { header: false })).toContain("meta: script-src allows 'unsafe-inline'.");
    expect(policyProblems('meta', `${good}; connect-src 'self' https://api.aigateway.sh`, { header: false }).join()).toContain('https://api.aigateway.sh');
    expect(policyProblems('meta', good.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"), { header: false }).join()).toContain('unsafe-eval');
    expect(policyProblems('meta', good.replace("img-src 'self' blob: castboard-media:", 'img-src *'), { header: false }).join()).toContain('*');
    expect(policyProblems('header', good, { header: true }).join()).toContain('frame-ancestors');
    expect(policyProblems('meta', good.replace("default-src 'none'; ", ''), { header: false }).join()).toContain('default-src');
  });

  it('a spellchecker pointed at a dictionary download, or not turned off by the composition root', () => {
    expect(checkSpellcheckOffline(add('electron/main/dictionaries.ts', "import { session } from 'electron';\nsession.defaultSession.setSpellCheckerDictionaryDownloadURL('https://cdn.example/dict/');")).ok).toBe(false);
    expect(checkSpellcheckOffline(add('electron/main/langs.ts', "import { session } from 'electron';\nsession.defaultSession.setSpellCheckerLanguages(['en-US']);")).ok).toBe(false);
    const root = sources.find((file) => file.path === 'electron/main/index.ts')!;
    const withoutSpellcheck = root.text.replace(/configureSpellcheck\(session\.defaultSession/, 'void (session.defaultSession');
    expect(withoutSpellcheck).not.toBe(root.text);
    expect(checkSpellcheckOffline(replace('electron/main/index.ts', withoutSpellcheck)).ok).toBe(false);
  });

  it('a window created outside the secure factory', () => {
    expect(checkWindowLockDown(add('electron/main/popup.ts', "import { BrowserWindow } from 'electron';\nnew BrowserWindow({ webPreferences: { nodeIntegration: true } });")).ok).toBe(false);
  });
});

describe('electronegativity findings', () => {
  const finding: Finding = { check: 'SANDBOX_JS_CHECK', file: 'electron/main/window/create-main-window.ts', line: 17, severity: 'MEDIUM', description: 'Use sandbox' };
  const reason = 'secureWebPreferences() sets sandbox: true; tested in window-security.test.ts.';

  it('pass only when every finding has a reviewed exception with a reason', () => {
    expect(compareFindings([finding], [{ check: finding.check, file: finding.file, reason }]).ok).toBe(true);
    const unreviewed = compareFindings([finding, { ...finding, check: 'OPEN_EXTERNAL_JS_CHECK' }], [{ check: finding.check, file: finding.file, reason }]);
    expect(unreviewed.ok).toBe(false);
    expect(unreviewed.details.join()).toContain('UNREVIEWED: OPEN_EXTERNAL_JS_CHECK');
    expect(compareFindings([finding], [{ check: finding.check, file: finding.file, reason: 'ok' }]).ok).toBe(false);
  });

  it('fail when a file could not be scanned, and flag stale exceptions', () => {
    expect(compareFindings([], [], ['electron/main/x.ts: Unexpected token']).ok).toBe(false);
    const stale = compareFindings([], [{ check: finding.check, file: finding.file, reason }]);
    expect(stale.ok).toBe(true);
    expect(stale.details.join()).toContain('stale exception');
  });
});
