/**
 * Audit check at run time: after the app's composition has run (the services with their desktop
 * adapters, the log file, every channel mounted), ipcMain holds only what the sender-checking
 * registrar put there: one `handle` per contract channel, and no `on`/`once`/`handleOnce`
 * listener from anywhere, including libraries (electron-store 12 adds
 * `ipcMain.on('electron-store-get-data')` when constructed; electron-log's Electron entry adds one
 * too). The source check (ipc-checks.ts) cannot see those; this one can.
 */
import { register } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { channels } from '../../../shared/ipc/contract';
import { result, type CheckResult } from './check';

export interface IpcRegistration {
  method: 'on' | 'once' | 'addListener' | 'prependListener' | 'prependOnceListener' | 'handle' | 'handleOnce';
  channel: string;
}

const NAME = 'No IPC listener outside the registrar at run time (after composition)';

export function ipcListenerProblems(registrations: readonly IpcRegistration[]): string[] {
  const problems: string[] = [];
  const handled = new Map<string, number>();
  for (const { method, channel } of registrations) {
    if (method !== 'handle') problems.push(`ipcMain.${method}('${channel}') was registered outside the sender-checking registrar.`);
    else if (!Object.hasOwn(channels, channel)) problems.push(`ipcMain.handle('${channel}') is not a contract channel.`);
    else handled.set(channel, (handled.get(channel) ?? 0) + 1);
  }
  for (const channel of Object.keys(channels)) {
    const count = handled.get(channel) ?? 0;
    if (count !== 1) problems.push(`Contract channel ${channel} is mounted ${count} times (expected once).`);
  }
  return problems;
}

/** Runs the composition as main/index.ts does (log file, desktop services, channels) in a temp folder. */
export async function runComposition(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'castboard-audit-compose-'));
  try {
    const { createFileLogger } = await import('../../main/adapters/log');
    const { createDesktopServices } = await import('../../main/desktop-services');
    const { createDispatcher } = await import('../../main/ipc/dispatcher');
    const logger = createFileLogger({ directory: dir });
    const { services } = await createDesktopServices({
      userDataDir: dir,
      logger,
      dispatcher: createDispatcher(logger),
      targets: () => [],
      shell: { setTitleState: () => undefined, setModalState: () => undefined },
      appInfo: { version: 'audit', platform: process.platform },
    });
    services.generation.dispose();
    await services.workspace.close().catch(() => undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** For `npm run audit:security` (plain Node): `electron` resolves to the recording stand-in. */
export async function checkRuntimeIpcListeners(): Promise<CheckResult> {
  const standIn = pathToFileURL(path.join(import.meta.dirname, 'electron-stand-in.mjs')).href;
  const hooks = `export async function resolve(specifier, context, next) {
    return specifier === 'electron' ? { url: ${JSON.stringify(standIn)}, shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
  try {
    const electron = (await import('electron')) as unknown as { ipcRegistrations: IpcRegistration[] };
    await runComposition();
    const problems = ipcListenerProblems(electron.ipcRegistrations);
    return result(NAME, problems, [`${electron.ipcRegistrations.length} ipcMain.handle calls, one per contract channel; no ipcMain.on/once from the app or its libraries.`]);
  } catch (error) {
    return result(NAME, [`The composition could not run on the stand-in ipcMain: ${error instanceof Error ? error.message : String(error)}`]);
  }
}
