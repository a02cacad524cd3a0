/**
 * `npm run dev`: rebuilds main, preload and renderer on every change and restarts Electron.
 * The renderer is built, not served by a dev server, so development runs under the same CSP and
 * app protocol as the shipped app. Electron is the binary itself (found, or its absence explained,
 * by electron-binary.ts), run through electron-runner.ts: one instance at a time, the old one gone
 * before the next starts, on Windows too. Quitting the app ends `npm run dev`.
 */
import { build } from 'vite';
import { requireElectronBinary } from './electron-binary';
import { createElectronRunner } from './electron-runner';

const electronBinary = requireElectronBinary();
const runner = createElectronRunner({
  binary: electronBinary,
  args: ['.'],
  onExit(code) {
    console.log(`Castboard exited (${code ?? 'signal'}); stopping npm run dev.`);
    process.exit(code ?? 0);
  },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void runner.stop().finally(() => process.exit(0)));
}

// Several bundles often finish together after one save: restart once, shortly after the last.
let restartTimer: NodeJS.Timeout | undefined;
const scheduleRestart = () => {
  clearTimeout(restartTimer);
  restartTimer = setTimeout(() => void runner.restart(), 200);
};

const pending = new Set(['main', 'preload', 'renderer']);
for (const mode of ['renderer', 'main', 'preload']) {
  const watcher = await build({ mode, build: { watch: {} } });
  if (!('on' in watcher)) throw new Error(`vite did not start a watcher for ${mode}`);
  watcher.on('event', (event) => {
    if (event.code !== 'END') return;
    pending.delete(mode);
    if (pending.size === 0) scheduleRestart();
  });
}
