// `npm run dev`: rebuilds main, preload and renderer on every change and (re)starts Electron.
// The renderer is built, not served by a dev server, so development runs under the same CSP and
// app protocol as the shipped app.
import { spawn } from 'node:child_process';
import { build } from 'vite';

let electron;
function restartElectron() {
  electron?.kill();
  electron = spawn(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron', '.'], { stdio: 'inherit' });
}

const pending = new Set(['main', 'preload', 'renderer']);
for (const mode of ['renderer', 'main', 'preload']) {
  const watcher = await build({ mode, build: { watch: {} } });
  watcher.on('event', (event) => {
    if (event.code !== 'END') return;
    pending.delete(mode);
    if (pending.size === 0) restartElectron();
  });
}
