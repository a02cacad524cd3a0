/**
 * How commands reach a project folder, through the same services as the app:
 *  - commands that change the project open it with the workspace (which takes project.lock, so
 *    the CLI and the app never write the same folder at once), run, then save and close — the
 *    project is saved and unlocked even when the command fails half-way;
 *  - commands that only read it (info, export, and a paid command's --dry-run) use the read-only
 *    reader and take no lock, so they also work while the app has the project open.
 * There is nobody to answer a dialog here: the dialog port always answers "cancelled".
 */
import path from 'node:path';
import { CastboardError } from '../../shared/errors';
import type { AspectRatio, ImageRef, Project } from '../../shared/domain/project';
import type { DialogPort } from '../services/dialogs';
import { createImageStore } from '../services/project/image-store';
import { currentLockOwner, describeLockOwner, ProjectLockedError } from '../services/project/project-lock';
import { ProjectOpenError, readProjectFolder } from '../services/project/project-reader';
import type { ProjectWorkspace } from '../services/workspace/project-workspace';
import { describeWriteFailure } from '../services/project/fs-errors';
import { withCliBackupEnding } from './backup-hint';
import type { CliIo } from './cli-io';
import { cliLogger } from './cli-logger';

const noDialogs: DialogPort = {
  chooseFolder: () => Promise.resolve(null),
  chooseImageFile: () => Promise.resolve(null),
  chooseSavePath: () => Promise.resolve(null),
  confirm: () => Promise.resolve(false),
};

/** A workspace for one command run: no recent list to keep (in memory), no dialogs. */
export async function cliWorkspace(io: CliIo): Promise<ProjectWorkspace> {
  // Loaded here, not at the top: the workspace brings sharp and the image services, which the
  // read-only commands (info, export's argument checks) never need.
  const [{ createProjectWorkspace }, { createRecentProjects }] = await Promise.all([
    import('../services/workspace/project-workspace'),
    import('../services/project/recent-projects'),
  ]);
  const memory = new Map<string, unknown>();
  return createProjectWorkspace({
    dialogs: noDialogs,
    recent: createRecentProjects({ get: (key) => memory.get(key), set: (key, value) => void memory.set(key, value) }),
    logger: cliLogger(io),
    // Autosave stays on as a safety net during long runs; every command also saves before exit.
    autosaveDelayMs: () => 1000,
    // A window or another command refused this project is told it is a command, with its pid.
    lockHolder: 'cli',
    onStatus: () => undefined,
  });
}

/** Adds the CLI's way out to "damaged or missing, a backup exists", "not a project folder" and "locked". */
function withProjectHint(error: unknown, root: string): unknown {
  // The app ends these with a question its button answers; the CLI names the backup and the copy step.
  if (error instanceof ProjectOpenError && error.offer && error.backups.length > 0) {
    return new CastboardError(error.code, withCliBackupEnding(error, root), { cause: error });
  }
  if (error instanceof CastboardError && error.code === 'PROJECT_NOT_FOUND') {
    return new CastboardError(error.code, `${error.message} Pass the folder that holds project.json, or create one with \`castboard init <dir> --title <title>\`.`, { cause: error });
  }
  if (error instanceof CastboardError && error.code === 'PROJECT_LOCKED') {
    // The lock's own advice already says what to wait for when it knows who holds it.
    const then = error instanceof ProjectLockedError && error.owner.holder !== undefined ? 'Then run this command again.' : 'Close the project in Castboard (or wait for the other command), then run this again.';
    return new CastboardError(error.code, `${error.message} ${then}`, { cause: error });
  }
  return error;
}

/** The CLI's words for a failed final save: nothing stays open after the command ends. */
function cliSaveFailure(error: unknown, dir: string): unknown {
  if (!(error instanceof CastboardError) || error.code !== 'PROJECT_SAVE_FAILED') return error;
  const reason = describeWriteFailure(error.cause ?? error, dir);
  return new CastboardError(
    'PROJECT_SAVE_FAILED',
    `The command's changes could not be saved: ${reason} The project on disk was not changed (it is as it was before this command) and its lock was released. Fix the problem (for example free some disk space), then run the command again.`,
    { cause: error },
  );
}

/** Saves and closes; if that fails, closes without saving so project.lock is released on every exit path. */
async function finish(workspace: ProjectWorkspace, dir: string, failed: boolean): Promise<void> {
  try {
    await workspace.close();
  } catch (error) {
    await workspace.abandon().catch(() => undefined);
    // The command's own error explains more; a failed final save is only reported when the command succeeded.
    if (!failed) throw cliSaveFailure(error, dir);
  }
}

/** Opens `dir` for writing, runs `work`, then saves and closes (also after a failure). */
export async function withOpenProject<T>(io: CliIo, dir: string, work: (workspace: ProjectWorkspace) => Promise<T>): Promise<T> {
  const workspace = await cliWorkspace(io);
  const opened = await workspace.openPath(path.resolve(dir)).catch((error: unknown) => {
    throw withProjectHint(error, path.resolve(dir));
  });
  let failed = true;
  try {
    if (opened.status.readOnlyReason) {
      // The app's advice (Save As) is an app control: the CLI says what to do from the command line.
      const reason = opened.status.readOnlyReason.replace(/ Use Save As[^.]*\.$/, '');
      throw new CastboardError('PROJECT_SAVE_FAILED', `${reason} Copy the folder somewhere writable and run the command on the copy.`);
    }
    const result = await work(workspace);
    failed = false;
    return result;
  } catch (error) {
    throw cliSaveFailure(error, dir);
  } finally {
    await finish(workspace, dir, failed);
  }
}

/** Creates a project in exactly `dir`, runs `work` on it, then saves and closes. */
export async function withNewProject<T>(io: CliIo, dir: string, init: { title: string; aspectRatio: AspectRatio }, work: (workspace: ProjectWorkspace) => Promise<T>): Promise<T> {
  const workspace = await cliWorkspace(io);
  await workspace.createAt(path.resolve(dir), init);
  let failed = true;
  try {
    const result = await work(workspace);
    failed = false;
    return result;
  } catch (error) {
    throw cliSaveFailure(error, dir);
  } finally {
    await finish(workspace, dir, failed);
  }
}

/** Reads `dir` without locking or writing anything (older formats are converted in memory only). */
export async function readProject(dir: string): Promise<{ root: string; project: Project }> {
  const root = path.resolve(dir);
  try {
    const loaded = await readProjectFolder(root);
    return { root, project: loaded.project };
  } catch (error) {
    throw withProjectHint(error, root);
  }
}

/** What a paid command (generate, restyle, render) works on. */
export interface BatchProject {
  project: () => Project;
  readImage: (image: ImageRef) => Promise<Buffer>;
  /** The project opened for writing (locked); null for --dry-run, which only reads. */
  writable: ProjectWorkspace | null;
}

/**
 * Opens `dir` for a paid command: for writing (withOpenProject), or, for a dry run, read without
 * taking the lock, since it writes and sends nothing; a note says when the project is open
 * elsewhere, as what it would send may change before the real run.
 */
export async function withBatchProject<T>(io: CliIo, dir: string, dryRun: boolean, work: (target: BatchProject) => Promise<T>): Promise<T> {
  if (!dryRun) return withOpenProject(io, dir, (workspace) => work({ project: () => workspace.project(), readImage: workspace.readImage, writable: workspace }));
  const { root, project } = await readProject(dir);
  const holder = await currentLockOwner(root).catch(() => null);
  if (holder) io.stderr(`Note: this project is open in ${describeLockOwner(holder)}, so these numbers may change before you run the command for real.`);
  const images = createImageStore(root);
  return work({ project: () => project, readImage: (image) => images.read(image), writable: null });
}
