/**
 * One Electron at a time for `npm run dev`. The Electron binary is spawned directly (no npx or
 * .cmd shim: spawning a .cmd without a shell fails with EINVAL on Windows, and killing npx leaves
 * Electron running). A restart stops the running app and waits until its process has exited
 * before starting the next one, so the old instance never still holds the single-instance lock
 * when the new one starts. A process that ignores the polite stop is killed after a timeout.
 * Restarts are serialised; an exit that was not asked for (the artist quit the app) is reported.
 * Electron starts as an app even from an editor's terminal (electron-binary.ts spawnElectron).
 */
import type { ChildProcess } from 'node:child_process';
import { spawnElectron } from './electron-binary';

export interface ElectronRunnerOptions {
  /** Absolute path of the Electron executable (what `require('electron')` returns in Node). */
  binary: string;
  args: readonly string[];
  /** The app exited on its own (not through restart/stop). */
  onExit?(code: number | null): void;
  /** How long a stopped app gets before it is killed outright. */
  killTimeoutMs?: number;
}

export interface ElectronRunner {
  /** Stops the running app (waiting for its exit), then starts a new one. */
  restart(): Promise<void>;
  /** Stops the running app and waits for its exit. */
  stop(): Promise<void>;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function stopAndWait(child: ChildProcess | undefined, killTimeoutMs: number): Promise<void> {
  if (!child || hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), killTimeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill();
  });
}

export function createElectronRunner(options: ElectronRunnerOptions): ElectronRunner {
  const killTimeoutMs = options.killTimeoutMs ?? 5000;
  let current: ChildProcess | undefined;
  let queue: Promise<void> = Promise.resolve();

  const stopCurrent = async () => {
    const child = current;
    current = undefined; // its exit is now expected
    await stopAndWait(child, killTimeoutMs);
  };

  const start = () => {
    const child = spawnElectron(options.binary, options.args, { windowsHide: false });
    current = child;
    child.once('error', (error) => console.error(`Could not start Electron (${options.binary}): ${error.message}`));
    child.once('exit', (code) => {
      if (current === child) {
        current = undefined;
        options.onExit?.(code);
      }
    });
  };

  const enqueue = (step: () => Promise<void>): Promise<void> => {
    queue = queue.then(step, step);
    return queue;
  };

  return {
    restart: () =>
      enqueue(async () => {
        await stopCurrent();
        start();
      }),
    stop: () => enqueue(stopCurrent),
  };
}
