/**
 * Single instance and "open this project": the `.castboard` folder is found in a packaged or
 * development argv, as a relative path, a file URL, or its project.json, and flags or unrelated
 * arguments are never taken for it. A second launch and macOS `open-file` reach one handler,
 * which is replayed when it attaches late.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, findProjectArg, projectFolderFrom } from '../../../electron/main/single-instance';

describe('findProjectArg', () => {
  it('finds the folder in a packaged launch', () => {
    expect(findProjectArg(['/opt/Castboard/castboard-app', '/home/ana/Boards/Film.castboard'], '/')).toBe('/home/ana/Boards/Film.castboard');
  });

  it('skips the app path and Chromium flags of a development launch, and resolves relative paths', () => {
    const argv = ['/repo/node_modules/electron/dist/electron', '.', '--no-sandbox', '--original-process-start-time=13370000', 'Boards/Film.castboard/'];
    expect(findProjectArg(argv, '/home/ana')).toBe('/home/ana/Boards/Film.castboard');
  });

  it('accepts the project.json inside the folder and a file URL', () => {
    expect(findProjectArg(['app', '/b/Film.castboard/project.json'], '/')).toBe('/b/Film.castboard');
    expect(findProjectArg(['app', pathToFileURL('/b/My Film.castboard').href], '/')).toBe('/b/My Film.castboard');
  });

  it('ignores everything that is not a project folder', () => {
    expect(findProjectArg(['app', '.', '/b/notes.txt', '/b/project.json', '/b/.castboard', 'https://x.test/a.castboard', '--flag=a.castboard'], '/b')).toBeNull();
    expect(findProjectArg(['/b/Film.castboard'], '/')).toBeNull(); // argv[0] is the executable, never a document
  });

  it('understands Windows paths', () => {
    expect(findProjectArg(['C:\\Castboard\\Castboard.exe', 'D:\\Boards\\Film.CASTBOARD'], 'C:\\', path.win32)).toBe('D:\\Boards\\Film.CASTBOARD');
  });

  it('takes the first project named', () => {
    expect(projectFolderFrom('/a/One.castboard', '/')).toBe('/a/One.castboard');
    expect(findProjectArg(['app', '/a/One.castboard', '/a/Two.castboard'], '/')).toBe('/a/One.castboard');
  });
});

function fakeApp(lock: boolean) {
  const emitter = new EventEmitter();
  return Object.assign(emitter, { requestSingleInstanceLock: vi.fn(() => lock) });
}

describe('claimSingleInstance', () => {
  it('gives way when another Castboard holds the lock', () => {
    expect(claimSingleInstance(fakeApp(false) as never, { focus: vi.fn() })).toBeNull();
  });

  it('hands a second launch’s project to the running instance and focuses it', () => {
    const app = fakeApp(true);
    const focus = vi.fn();
    const opened: string[] = [];
    claimSingleInstance(app as never, { focus })?.onOpen((folder) => opened.push(folder));
    app.emit('second-instance', {}, ['/opt/castboard-app', '--flag', 'Film.castboard'], '/home/ana');
    app.emit('second-instance', {}, ['/opt/castboard-app'], '/home/ana');
    expect(opened).toEqual(['/home/ana/Film.castboard']);
    expect(focus).toHaveBeenCalledTimes(2);
  });

  it('keeps a macOS open-file that arrives before the app is ready, and replays it', () => {
    const app = fakeApp(true);
    const instance = claimSingleInstance(app as never, { focus: vi.fn() });
    const event = { preventDefault: vi.fn() };
    app.emit('open-file', event, '/Users/ana/Film.castboard');
    expect(event.preventDefault).toHaveBeenCalled();
    const opened: string[] = [];
    instance?.onOpen((folder) => opened.push(folder));
    app.emit('open-file', { preventDefault: vi.fn() }, '/Users/ana/Notes.txt');
    expect(opened).toEqual(['/Users/ana/Film.castboard']);
  });
});
