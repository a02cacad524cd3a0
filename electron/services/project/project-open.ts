/**
 * Starting a session: create a new project, open one, or open one from a backup.
 *  - Open takes the lock first (PROJECT_LOCKED before anything else), reads without writing, and
 *    releases the lock again on any failure: a project that cannot be opened is left untouched.
 *  - A folder Castboard may not write to opens read-only rather than not at all.
 *  - An older format is migrated in memory; the untouched original is kept in backups/ before
 *    the migrated version can be saved (if it cannot be kept, the session stays read-only).
 *  - Missing or damaged images are reported, never a reason to refuse the project.
 */
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';
import { CURRENT_SCHEMA_VERSION, type Project } from '../../../shared/domain/project';
import { createEmptyProject, type NewProjectInit } from '../../../shared/domain/project-edit';
import type { OpenReport } from '../../../shared/domain/project-status';
import { isBackupFileName, keepOriginalBeforeMigration } from './backups';
import { describeWriteFailure, isNotWritableError } from './fs-errors';
import { createImageStore } from './image-store';
import { readProjectFileIfSafe, removeCreatedProjectFolder, removeProjectTempFiles } from './project-files';
import { prepareNewProjectFolder, restoreBackupFile } from './project-folder';
import { acquireProjectLock, type ProjectLock } from './project-lock';
import { summarizeImageProblems } from './project-messages';
import { parseProjectBytes } from './project-parse';
import { BACKUPS_DIR, IMAGES_DIR } from './project-paths';
import { assertProjectFolder, checkReferencedImages, readProjectFolder, type LoadedProject } from './project-reader';
import { ProjectSession, type ProjectSessionDeps } from './project-session';
import { validateProject, writeProjectFile } from './project-writer';

const EMPTY_REPORT: OpenReport = { imageProblems: [], migratedFrom: null, originalKeptAs: null, message: null };

function isProject(init: NewProjectInit | Project): init is Project {
  return 'schemaVersion' in init;
}

/** Creates `<root>/project.json` (+ images/, thumbs/, backups/) and opens it. PROJECT_EXISTS if one is there. */
export async function createProject(root: string, init: NewProjectInit | Project, deps: ProjectSessionDeps = {}): Promise<ProjectSession> {
  const dir = path.resolve(root);
  const now = deps.now?.() ?? new Date();
  const project = validateProject(isProject(init) ? init : createEmptyProject(init, now));
  const created = await prepareNewProjectFolder(dir).catch((error: unknown) => {
    if (error instanceof CastboardError) throw error;
    throw new CastboardError('PROJECT_SAVE_FAILED', `Castboard could not create the project folder: ${describeWriteFailure(error, dir)}`, { cause: error });
  });
  let lock: ProjectLock | null = null;
  try {
    lock = await acquireProjectLock(dir, deps.lock);
    const written = await writeProjectFile(dir, project, now, deps.logger);
    const state = { root: dir, lock, project, bytes: written.bytes, identity: written.identity, dirty: false, readOnlyReason: null, report: EMPTY_REPORT, lastSavedAt: now.toISOString() };
    return new ProjectSession(state, deps);
  } catch (error) {
    await lock?.release();
    if (created) await removeCreatedProjectFolder(dir);
    if (error instanceof CastboardError) throw error;
    throw new CastboardError('PROJECT_SAVE_FAILED', `Castboard could not create the project: ${describeWriteFailure(error, dir)}`, { cause: error });
  }
}

async function lockOrReadOnly(dir: string, deps: ProjectSessionDeps): Promise<{ lock: ProjectLock | null; readOnlyReason: string | null }> {
  try {
    return { lock: await acquireProjectLock(dir, deps.lock), readOnlyReason: null };
  } catch (error) {
    if (!isNotWritableError(error)) throw error;
    return {
      lock: null,
      readOnlyReason: `Castboard cannot write to the folder "${dir}" (it is read-only or protected), so changes cannot be saved there. Use Save As to save a copy somewhere else.`,
    };
  }
}

async function startSession(dir: string, lock: ProjectLock | null, readOnly: string | null, loaded: LoadedProject, deps: ProjectSessionDeps, notes: string[] = []): Promise<ProjectSession> {
  const now = deps.now?.() ?? new Date();
  let readOnlyReason = readOnly;
  if (lock) await Promise.all([null, IMAGES_DIR, BACKUPS_DIR].map((folder) => removeProjectTempFiles(dir, folder)));
  const migrated = loaded.fromVersion < CURRENT_SCHEMA_VERSION;
  let originalKeptAs: string | null = null;
  if (migrated && !readOnlyReason) {
    try {
      originalKeptAs = await keepOriginalBeforeMigration(dir, loaded.bytes, loaded.fromVersion, now);
    } catch (error) {
      readOnlyReason = `This project was converted from an older format, but Castboard could not keep a copy of the original (${describeWriteFailure(error, dir)}), so it will not save over it. Use Save As to save the converted project in a new folder.`;
    }
  }
  if (migrated) {
    notes.push(
      `This project was made by an older Castboard (format ${loaded.fromVersion}) and has been updated to format ${CURRENT_SCHEMA_VERSION}.` +
        (originalKeptAs ? ` The original file is kept as ${originalKeptAs}.` : ''),
    );
  }
  const imageProblems = await checkReferencedImages(createImageStore(dir), loaded.project);
  const imageNote = summarizeImageProblems(imageProblems);
  if (imageNote) notes.push(imageNote);
  const report: OpenReport = { imageProblems, migratedFrom: migrated ? loaded.fromVersion : null, originalKeptAs, message: notes.length > 0 ? notes.join(' ') : null };
  const lastSavedAt = new Date(loaded.identity.mtimeMs).toISOString();
  const state = { root: dir, lock, project: loaded.project, bytes: loaded.bytes, identity: loaded.identity, dirty: migrated, readOnlyReason, report, lastSavedAt };
  return new ProjectSession(state, deps);
}

/** Opens the project in `root` (the folder holding project.json). Throws ProjectOpenError / PROJECT_LOCKED. */
export async function openProject(root: string, deps: ProjectSessionDeps = {}): Promise<ProjectSession> {
  const dir = path.resolve(root);
  await assertProjectFolder(dir);
  const { lock, readOnlyReason } = await lockOrReadOnly(dir, deps);
  try {
    const loaded = await readProjectFolder(dir, deps.now?.() ?? new Date());
    return await startSession(dir, lock, readOnlyReason, loaded, deps);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

/**
 * "Open the newest backup instead": puts backups/<fileName> in place of project.json (the
 * current file is renamed aside, never overwritten) and opens the result.
 */
export async function openProjectFromBackup(root: string, fileName: string, deps: ProjectSessionDeps = {}): Promise<ProjectSession> {
  const dir = path.resolve(root);
  const now = deps.now?.() ?? new Date();
  await assertProjectFolder(dir);
  if (!isBackupFileName(fileName) || path.basename(fileName) !== fileName) {
    throw new CastboardError('NOT_FOUND', `"${fileName}" is not one of this project's backups.`);
  }
  const lock = await acquireProjectLock(dir, deps.lock).catch((error: unknown) => {
    if (!isNotWritableError(error)) throw error;
    throw new CastboardError('PROJECT_SAVE_FAILED', `Castboard cannot restore a backup here: ${describeWriteFailure(error, dir)} Copy the folder somewhere writable first.`);
  });
  try {
    const bytes = await readProjectFileIfSafe(dir, `${BACKUPS_DIR}/${fileName}`, 'backup');
    const parsed = bytes ? await parseProjectBytes(bytes) : null;
    if (!parsed?.ok) throw new CastboardError('PROJECT_UNREADABLE', `The backup ${fileName} cannot be read either, so nothing was changed. Try an older backup.`);
    const movedAside = await restoreBackupFile(dir, fileName, now);
    const loaded = await readProjectFolder(dir, now);
    const note = `Opened the backup ${fileName}.` + (movedAside ? ` The previous project.json was kept as ${movedAside}.` : '');
    return await startSession(dir, lock, null, loaded, deps, [note]);
  } catch (error) {
    await lock.release();
    throw error;
  }
}
