// `npm start`: checks for the Electron binary first (a missing one gets a clear paragraph and
// exit code 1 instead of Electron's stack trace), then builds the app and runs it (as an app, even
// from the terminal of an editor built on Electron: electron-binary.ts spawnElectron).
import { spawnSync } from 'node:child_process';
import { requireElectronBinary, spawnElectron } from './electron-binary';

const electron = requireElectronBinary();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const app = spawnElectron(electron, ['.']);
app.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.kill(signal));
