/**
 * Audit checks on the bridge between renderer and main:
 *  - ipcMain is used in one module only, the registrar that checks the sender before parsing, and
 *    no library registers listeners of its own (electron-log's Electron entry would);
 *  - the preload exposes exactly one object, the data-only bridge built by createBridge() (answers
 *    cross as envelopes, never as thrown errors), and nothing else in the app touches ipcRenderer
 *    or contextBridge.
 */
import ts from 'typescript';
import { result, type CheckResult } from './check';
import { calls, identifiers, isScript, lineOf, parse, type SourceFile } from './source-files';

export const REGISTRAR = 'electron/main/ipc/electron-registrar.ts';
export const PRELOAD = 'electron/preload/index.ts';

export function checkIpcSenders(files: SourceFile[]): CheckResult {
  const failures: string[] = [];
  const registrar = files.find((file) => file.path === REGISTRAR);
  for (const file of files.filter(isScript)) {
    const source = parse(file);
    if (file.path !== REGISTRAR) {
      for (const line of identifiers(source, 'ipcMain')) failures.push(`${file.path}:${line} uses ipcMain outside the sender-checking registrar (${REGISTRAR}).`);
    }
    ts.forEachChild(source, (node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && /^electron-log(\/main)?$/.test(node.moduleSpecifier.text)) {
        failures.push(`${file.path}:${lineOf(source, node)} imports "${node.moduleSpecifier.text}", which registers its own ipcMain listener; use "electron-log/node".`);
      }
    });
  }
  if (!registrar) {
    failures.push(`${REGISTRAR} is missing.`);
  } else {
    const source = parse(registrar);
    const handles = calls(source, 'handle').filter((call) => call.expression.getText(source) === 'ipcMain.handle');
    const senderCheck = calls(source, 'isTrustedSenderFrame');
    const dispatch = calls(source, 'dispatch');
    if (handles.length !== 1) failures.push(`${REGISTRAR} should mount channels with exactly one ipcMain.handle call (found ${handles.length}).`);
    if (senderCheck.length === 0 || dispatch.length === 0 || senderCheck[0]!.getStart(source) > dispatch[0]!.getStart(source)) {
      failures.push(`${REGISTRAR} must call isTrustedSenderFrame() before dispatcher.dispatch().`);
    }
  }
  return result('Every IPC channel goes through the sender-checking registrar', failures, [`ipcMain appears only in ${REGISTRAR}, which checks the sender frame before parsing.`]);
}

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isSatisfiesExpression(current) || ts.isAsExpression(current) || ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

export function checkPreloadExposure(files: SourceFile[]): CheckResult {
  const failures: string[] = [];
  let exposures = 0;
  for (const file of files.filter(isScript)) {
    const source = parse(file);
    const inPreload = file.path.startsWith('electron/preload/');
    if (!inPreload) {
      for (const name of ['ipcRenderer', 'contextBridge']) {
        for (const line of identifiers(source, name)) failures.push(`${file.path}:${line} uses ${name} outside electron/preload/.`);
      }
      continue;
    }
    for (const call of calls(source, 'exposeInMainWorld')) {
      exposures++;
      const [key, value] = call.arguments;
      const exposed = value ? unwrap(value) : undefined;
      const isApi = exposed && ts.isCallExpression(exposed) && exposed.expression.getText(source) === 'createBridge';
      if (file.path !== PRELOAD || !key || !ts.isStringLiteral(key) || key.text !== 'castboard' || !isApi) {
        failures.push(`${file.path}:${lineOf(source, call)} exposes something other than window.castboard = createBridge(...).`);
      } else if (identifiers(source, 'ipcRenderer').some((line) => line === lineOf(source, call))) {
        failures.push(`${file.path}:${lineOf(source, call)} passes ipcRenderer into the page.`);
      }
    }
  }
  if (exposures !== 1) failures.push(`Expected exactly one contextBridge.exposeInMainWorld call, found ${exposures}.`);
  return result('The preload exposes only the contract API', failures, ['window.castboard = createBridge(ipcTransport); ipcRenderer stays inside the preload.']);
}
