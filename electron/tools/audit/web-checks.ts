/**
 * Audit checks on what the renderer can reach:
 *  - no local-file URLs anywhere in the app's code or HTML, and no API that loads local files;
 *  - the Content-Security-Policy (the response header and the index.html meta) allows no inline
 *    script, no eval and no remote origin, and the app protocol really sends the header;
 *  - every window uses the secure web preferences, the session denies permissions and requests
 *    to other schemes, and the composition root installs those guards.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { lockDownSession } from '../../main/window/session-guards';
import { secureWebPreferences } from '../../main/window/web-preferences';
import { silentLogger } from '../../services/logger';
import { CONTENT_SECURITY_POLICY } from '../../services/serving/content-security-policy';
import { createStaticHandler } from '../../services/serving/static-handler';
import { result, type CheckResult } from './check';
import { calls, isScript, lineOf, literals, parse, type SourceFile } from './source-files';

const FILE_URL = /file:\/\//i;
const FILE_LOADERS = ['loadFile', 'registerFileProtocol', 'interceptFileProtocol'];

export function checkNoFileUrls(files: SourceFile[]): CheckResult {
  const failures: string[] = [];
  for (const file of files) {
    if (!isScript(file)) {
      file.text.split('\n').forEach((line, index) => {
        if (FILE_URL.test(line)) failures.push(`${file.path}:${index + 1} contains a local-file URL.`);
      });
      continue;
    }
    const source = parse(file);
    for (const literal of literals(source)) if (FILE_URL.test(literal.text)) failures.push(`${file.path}:${literal.line} has a local-file URL literal.`);
    for (const name of FILE_LOADERS) for (const call of calls(source, name)) failures.push(`${file.path}:${lineOf(source, call)} calls ${name}().`);
  }
  return result('No local-file URLs in electron/, renderer/, shared/', failures, ['The renderer is served from castboard://app, media from castboard-media://project.']);
}

type Policy = Map<string, string[]>;

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

const FORBIDDEN = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "'strict-dynamic'"];
/** Source tokens a directive may list; anything else (a host, *, http:, data:...) is a remote or unsafe origin. */
const ALLOWED: Record<string, string[]> = { 'img-src': ["'self'", 'blob:', 'castboard-media:'] };
const REQUIRED: Array<[string, string]> = [['default-src', "'none'"], ['script-src', "'self'"], ['object-src', "'none'"], ['base-uri', "'none'"], ['form-action', "'none'"]];

export function policyProblems(label: string, text: string, options: { header: boolean }): string[] {
  const problems: string[] = [];
  const policy = parsePolicy(text);
  for (const [directive, value] of [...REQUIRED, ...(options.header ? [['frame-ancestors', "'none'"] as [string, string]] : [])]) {
    const sources = policy.get(directive);
    if (!sources || sources.length !== 1 || sources[0] !== value) problems.push(`${label}: ${directive} must be exactly ${value} (is ${sources ? sources.join(' ') || 'empty' : 'missing'}).`);
  }
  for (const [directive, sources] of policy) {
    for (const source of sources) {
      if (FORBIDDEN.includes(source.toLowerCase())) problems.push(`${label}: ${directive} allows ${source}.`);
      else if (![...(ALLOWED[directive] ?? []), "'self'", "'none'"].includes(source)) problems.push(`${label}: ${directive} allows ${source} (remote or unsafe origin).`);
    }
  }
  return problems;
}

function metaPolicy(html: string): string | null {
  const tag = html.match(/<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/i)?.[0];
  return tag?.match(/content=(["'])(.*?)\1/i)?.[2] ?? null;
}

export async function checkContentSecurityPolicy(files: SourceFile[]): Promise<CheckResult> {
  const failures = policyProblems('CSP header (content-security-policy.ts)', CONTENT_SECURITY_POLICY, { header: true });
  const index = files.find((file) => file.path === 'renderer/index.html');
  const meta = index ? metaPolicy(index.text) : null;
  if (meta === null) failures.push('renderer/index.html has no Content-Security-Policy meta tag.');
  else failures.push(...policyProblems('CSP meta (renderer/index.html)', meta, { header: false }));
  // The header is what Chromium enforces for the app protocol: make sure it is really sent.
  const root = await mkdtemp(path.join(tmpdir(), 'castboard-audit-'));
  try {
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>audit</title>');
    const response = await createStaticHandler({ root })(new Request('castboard://app/index.html'));
    if (response.headers.get('content-security-policy') !== CONTENT_SECURITY_POLICY) failures.push('The app protocol handler does not send the Content-Security-Policy header.');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return result('CSP present and blocking (no inline script, eval or remote origins)', failures, [CONTENT_SECURITY_POLICY]);
}

interface FakeSession {
  request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  check?: (...args: unknown[]) => boolean;
  beforeRequest?: (details: { url: string }, callback: (answer: { cancel: boolean }) => void) => void;
}

function lockedDownAnswers(): { permissionGranted: boolean; checkGranted: boolean; remoteCancelled: boolean; appCancelled: boolean } {
  const fake: FakeSession = {};
  lockDownSession({
    setPermissionRequestHandler: (fn: never) => void (fake.request = fn),
    setPermissionCheckHandler: (fn: never) => void (fake.check = fn),
    webRequest: { onBeforeRequest: (fn: never) => void (fake.beforeRequest = fn) },
  }, silentLogger);
  let permissionGranted = true;
  fake.request?.(null, 'media', (granted) => (permissionGranted = granted));
  const cancelled = (url: string) => {
    let cancel = false;
    fake.beforeRequest?.({ url }, (answer) => (cancel = answer.cancel));
    return cancel;
  };
  return { permissionGranted, checkGranted: fake.check?.(null, 'media') ?? true, remoteCancelled: cancelled('https://example.com/'), appCancelled: cancelled('castboard://app/index.html') };
}

export function checkWindowLockDown(files: SourceFile[]): CheckResult {
  const failures: string[] = [];
  const preferences = secureWebPreferences('/preload.cjs');
  const expected = { contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webviewTag: false, webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false };
  for (const [key, value] of Object.entries(expected)) {
    if (preferences[key as keyof typeof preferences] !== value) failures.push(`secureWebPreferences().${key} should be ${String(value)}.`);
  }
  for (const file of files.filter(isScript)) {
    const source = parse(file);
    source.forEachChild(function find(node): void {
      if (ts.isNewExpression(node) && node.expression.getText(source) === 'BrowserWindow' && file.path !== 'electron/main/window/create-main-window.ts') {
        failures.push(`${file.path}:${lineOf(source, node)} creates a BrowserWindow outside create-main-window.ts.`);
      }
      node.forEachChild(find);
    });
  }
  const factory = files.find((file) => file.path === 'electron/main/window/create-main-window.ts');
  if (!factory || !/webPreferences:\s*secureWebPreferences\(/.test(factory.text)) failures.push('create-main-window.ts must use webPreferences: secureWebPreferences(...).');

  const answers = lockedDownAnswers();
  if (answers.permissionGranted || answers.checkGranted) failures.push('lockDownSession() grants a permission.');
  if (!answers.remoteCancelled || answers.appCancelled) failures.push('lockDownSession() must cancel remote requests and allow the app scheme.');

  const root = files.find((file) => file.path === 'electron/main/index.ts');
  const wiring: Array<[RegExp, string]> = [
    [/lockDownSession\(\s*session\.defaultSession/, 'lockDownSession(session.defaultSession, ...)'],
    [/app\.enableSandbox\(\)/, 'app.enableSandbox()'],
    [/'web-contents-created'[^\n]*guardWebContents\(/, "app.on('web-contents-created', ... guardWebContents(...))"],
  ];
  for (const [pattern, what] of wiring) if (!root || !pattern.test(root.text)) failures.push(`electron/main/index.ts must call ${what}.`);
  return result('Windows isolated, permissions denied, navigation guarded', failures, ['secure webPreferences, permission handlers and navigation guards are installed.']);
}
