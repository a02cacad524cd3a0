/**
 * One Castboard at a time. A second launch (double-clicking a project, `castboard-app Film.castboard`)
 * hands its arguments to the running instance and quits; macOS delivers documents as `open-file`
 * events instead, possibly before the app is ready. Either way the folder reaches one handler,
 * queued until the composition root is ready to open it.
 * findProjectArg() is pure: it picks the `.castboard` folder out of an argv (flags, the app path
 * and anything else are ignored), accepting the folder itself, its project.json, or a file URL.
 */
import nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from 'electron';

export const PROJECT_EXTENSION = '.castboard';

type PathApi = Pick<typeof nodePath, 'resolve' | 'basename' | 'dirname'>;

/** The project folder an argument names, or null. `cwd` resolves relative paths. */
export function projectFolderFrom(arg: string, cwd: string, paths: PathApi = nodePath): string | null {
  let candidate = arg.trim();
  if (!candidate || candidate.startsWith('-')) return null;
  if (/^file:/i.test(candidate)) {
    try {
      candidate = fileURLToPath(candidate);
    } catch {
      return null;
    }
  } else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(candidate)) {
    return null; // some other URL scheme: not a folder on disk
  }
  const resolved = paths.resolve(cwd, candidate);
  const isProject = (dir: string) => paths.basename(dir).toLowerCase().endsWith(PROJECT_EXTENSION) && paths.basename(dir).length > PROJECT_EXTENSION.length;
  if (isProject(resolved)) return resolved;
  if (paths.basename(resolved).toLowerCase() === 'project.json' && isProject(paths.dirname(resolved))) return paths.dirname(resolved);
  return null;
}

/** The first project folder named in `argv` (argv[0], the executable, is skipped). */
export function findProjectArg(argv: readonly string[], cwd: string, paths: PathApi = nodePath): string | null {
  for (const arg of argv.slice(1)) {
    const folder = projectFolderFrom(arg, cwd, paths);
    if (folder) return folder;
  }
  return null;
}

export interface SingleInstance {
  /** Receives every folder the OS or a second launch asks to open; earlier requests are replayed (the latest one). */
  onOpen(handler: (folder: string) => void): void;
}

type InstanceApp = Pick<App, 'requestSingleInstanceLock' | 'on'>;

/** Null when another Castboard already runs (it has been handed our arguments): quit then. */
export function claimSingleInstance(app: InstanceApp, options: { focus(): void }): SingleInstance | null {
  if (!app.requestSingleInstanceLock()) return null;
  let handler: ((folder: string) => void) | null = null;
  let pending: string | null = null;
  const deliver = (folder: string | null) => {
    if (!folder) return;
    if (handler) handler(folder);
    else pending = folder;
  };
  app.on('second-instance', (_event, argv, workingDirectory) => {
    options.focus();
    deliver(findProjectArg(argv, workingDirectory));
  });
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    deliver(projectFolderFrom(filePath, nodePath.dirname(filePath)));
  });
  return {
    onOpen(next) {
      handler = next;
      if (pending) {
        const folder = pending;
        pending = null;
        next(folder);
      }
    },
  };
}
