/**
 * `npm run dev`'s process handling, with real processes: a Node script stands in for the Electron
 * binary (spawned directly, as Electron is), logs when it starts and when it has finished
 * stopping, and takes a while to stop, as Electron does while it quits. A restart must start the
 * new app only after the old one has exited; one that ignores the stop request is killed; an exit
 * the runner did not ask for is reported. Electron is started as an app even from the terminal of
 * an editor built on Electron, which sets ELECTRON_RUN_AS_NODE (Electron would run as plain Node).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElectronRunner, type ElectronRunner } from '../../scripts/electron-runner';

const runners: ElectronRunner[] = [];
const dirs: string[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const runner of runners.splice(0)) await runner.stop();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A fake app: appends "start <pid>" to the log ("start-as-node" when told to run as Node), and on SIGTERM "stop <pid>" after `stopMs`. */
function fakeApp(log: string, behaviour: { stopMs?: number; ignoreStop?: boolean; exitAfterMs?: number } = {}): string[] {
  const script = `
    const fs = require('node:fs');
    const write = (word) => fs.appendFileSync(${JSON.stringify(log)}, word + ' ' + process.pid + '\\n');
    write(process.env.ELECTRON_RUN_AS_NODE === undefined ? 'start' : 'start-as-node');
    process.on('SIGTERM', () => { if (!${Boolean(behaviour.ignoreStop)}) setTimeout(() => { write('stop'); process.exit(0); }, ${behaviour.stopMs ?? 0}); });
    setInterval(() => {}, 1000);
    ${behaviour.exitAfterMs !== undefined ? `setTimeout(() => process.exit(3), ${behaviour.exitAfterMs});` : ''}
  `;
  return ['-e', script];
}

async function logFile(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'castboard-dev-'));
  dirs.push(dir);
  return path.join(dir, 'app.log');
}

const lines = async (log: string) => (await readFile(log, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean);

describe('electron runner', () => {
  it('starts the next app only after the previous one has exited', async () => {
    const log = await logFile();
    const runner = createElectronRunner({ binary: process.execPath, args: fakeApp(log, { stopMs: 300 }) });
    runners.push(runner);
    const starts = async () => (await lines(log)).filter((line) => line.startsWith('start'));
    for (const count of [1, 2, 3]) {
      await runner.restart();
      await vi.waitFor(async () => expect(await starts()).toHaveLength(count));
    }
    const events = await lines(log);
    const [first, second, third] = events.filter((line) => line.startsWith('start')).map((line) => line.split(' ')[1]);
    expect(events.indexOf(`stop ${first}`)).toBeLessThan(events.indexOf(`start ${second}`));
    expect(events.indexOf(`stop ${second}`)).toBeLessThan(events.indexOf(`start ${third}`));
  });

  it('kills an app that ignores the request to stop', async () => {
    const log = await logFile();
    const runner = createElectronRunner({ binary: process.execPath, args: fakeApp(log, { ignoreStop: true }), killTimeoutMs: 300 });
    await runner.restart();
    await vi.waitFor(async () => expect(await lines(log)).toHaveLength(1));
    const started = Date.now();
    await runner.stop();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('reports an exit it did not ask for, and not the ones it did', async () => {
    const log = await logFile();
    const onExit = vi.fn();
    const runner = createElectronRunner({ binary: process.execPath, args: fakeApp(log, { exitAfterMs: 1500 }), onExit });
    runners.push(runner);
    await runner.restart();
    await runner.restart();
    expect(onExit).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(onExit).toHaveBeenCalledWith(3), { timeout: 5000 });
  });

  it('starts Electron as an app when the terminal says ELECTRON_RUN_AS_NODE (VS Code and other Electron editors)', async () => {
    vi.stubEnv('ELECTRON_RUN_AS_NODE', '1');
    const log = await logFile();
    const runner = createElectronRunner({ binary: process.execPath, args: fakeApp(log) });
    runners.push(runner);
    await runner.restart();
    await vi.waitFor(async () => expect(await lines(log)).toHaveLength(1));
    expect((await lines(log))[0]).toMatch(/^start \d+$/); // not "start-as-node"
    expect(process.env.ELECTRON_RUN_AS_NODE).toBe('1'); // the caller's own environment is left alone
  });
});
