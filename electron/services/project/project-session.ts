/**
 * One open project: the service the IPC layer, the CLI and the tests drive.
 * Invariants:
 *  - at most one session (any process) writes a folder: it holds project.lock, re-checked per save;
 *  - saves run one at a time; a save writes only project.json (+ its backup copy) — images are
 *    written when they enter the project (putImage), before any document naming them is saved;
 *  - a failed save leaves the disk unchanged, reports `error` at once with a message, and keeps
 *    the work dirty; nothing is ever written over a project.json this session did not read or write;
 *  - a folder Castboard cannot write to opens read-only (readOnlyReason) instead of failing.
 */
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';
import { collectImageRefs, type ImageRef, type Project } from '../../../shared/domain/project';
import type { OpenReport, SaveState, SaveStatus } from '../../../shared/domain/project-status';
import type { Logger } from '../logger';
import { createDebouncer, type Debouncer, type Timers } from './autosave';
import { describeWriteFailure, saveFailedError } from './fs-errors';
import { createImageStore, type ImageStore, type ImageStoreHooks } from './image-store';
import { removeCreatedProjectFolder, sameFolder } from './project-files';
import { copyAllImages, prepareNewProjectFolder } from './project-folder';
import { acquireProjectLock, type LockDeps, type ProjectLock } from './project-lock';
import type { FileIdentity } from './project-reader';
import { assertUnchangedOnDisk, validateProject, writeProjectFile } from './project-writer';

export interface ProjectSessionDeps {
  now?: () => Date;
  timers?: Timers;
  /** Autosave this long after the last change; null turns autosave off. Default 1000 ms. */
  autosaveDelayMs?: number | null;
  lock?: LockDeps;
  logger?: Logger;
  imageHooks?: ImageStoreHooks;
}

export interface SessionState {
  root: string;
  lock: ProjectLock | null;
  project: Project;
  bytes: Uint8Array | null;
  identity: FileIdentity | null;
  /** True when the document differs from the file (e.g. just migrated). */
  dirty: boolean;
  readOnlyReason: string | null;
  report: OpenReport;
  /** When the file on disk was last written (its mtime on open), for "Saved 17:40". */
  lastSavedAt?: string | null;
}

export type StatusListener = (status: SaveStatus) => void;

export class ProjectSession {
  #root: string;
  #store: ImageStore;
  #lock: ProjectLock | null;
  #project: Project;
  #revision: number;
  #savedRevision = 0;
  #lastBytes: Uint8Array | null;
  #identity: FileIdentity | null;
  #saving = false;
  #lastError: string | null = null;
  #lastSavedAt: string | null = null;
  #readOnlyReason: string | null;
  #report: OpenReport;
  #closed = false;
  #chain: Promise<unknown> = Promise.resolve();
  /** The Save As in progress: new images wait for it. */
  #moving: Promise<unknown> | null = null;
  /** Image writes in progress: Save As waits for them before copying images/. */
  readonly #puts = new Set<Promise<ImageRef>>();
  #lastEmitted = '';
  readonly #listeners = new Set<StatusListener>();
  readonly #autosave: Debouncer;
  readonly #deps: ProjectSessionDeps;

  constructor(state: SessionState, deps: ProjectSessionDeps = {}) {
    this.#deps = deps;
    this.#root = state.root;
    this.#store = createImageStore(state.root, deps.imageHooks);
    this.#lock = state.lock;
    this.#project = state.project;
    this.#revision = state.dirty ? 1 : 0;
    this.#lastBytes = state.bytes;
    this.#identity = state.identity;
    this.#readOnlyReason = state.readOnlyReason;
    this.#report = state.report;
    this.#lastSavedAt = state.lastSavedAt ?? null;
    this.#autosave = createDebouncer(() => this.#autosaveNow(), deps.autosaveDelayMs === undefined ? 1000 : deps.autosaveDelayMs, deps.timers);
    if (state.dirty) this.#autosave.schedule();
  }

  get root(): string {
    return this.#root;
  }

  get project(): Project {
    return this.#project;
  }

  get images(): ImageStore {
    return this.#store;
  }

  get report(): OpenReport {
    return this.#report;
  }

  get isClosed(): boolean {
    return this.#closed;
  }

  get status(): SaveStatus {
    const dirty = this.#revision !== this.#savedRevision;
    let state: SaveState = dirty ? 'unsaved' : 'saved';
    if (dirty && this.#lastError) state = 'error';
    if (this.#saving) state = 'saving';
    return { state, dirty, message: dirty ? this.#lastError : null, lastSavedAt: this.#lastSavedAt, readOnlyReason: this.#readOnlyReason };
  }

  /** Called with every new status (saved/unsaved/saving/error). Returns the unsubscribe function. */
  onStatus(listener: StatusListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  setAutosaveDelay(delayMs: number | null): void {
    this.#autosave.setDelay(delayMs);
  }

  /** Replaces the document (validated; PROJECT_INVALID leaves the session unchanged) and schedules autosave. */
  update(next: unknown): Project {
    this.#assertOpen();
    this.#project = validateProject(next);
    this.#revision += 1;
    this.#autosave.schedule();
    this.#emit();
    return this.#project;
  }

  /**
   * Adds PNG bytes to images/ (durably) and returns the reference to put in the document.
   * During a Save As it waits, so the image lands in the folder the project continues in.
   */
  async putImage(png: Uint8Array): Promise<ImageRef> {
    this.#assertOpen();
    while (this.#moving) await this.#moving.catch(() => undefined);
    if (this.#readOnlyReason) throw new CastboardError('PROJECT_SAVE_FAILED', `Castboard could not add the image: ${this.#readOnlyReason}`);
    const job = this.#store.put(png);
    this.#puts.add(job);
    const done = () => this.#puts.delete(job);
    job.then(done, done);
    try {
      return await job;
    } catch (error) {
      if (error instanceof CastboardError) throw error;
      throw new CastboardError('PROJECT_SAVE_FAILED', `Castboard could not add the image to the project: ${describeWriteFailure(error, this.#root)}`, { cause: error });
    }
  }

  /** Writes the document if it has unsaved changes. Rejects with PROJECT_SAVE_FAILED (status 'error'). */
  save(): Promise<SaveStatus> {
    this.#assertOpen();
    return this.#serialize(() => this.#saveNow());
  }

  /**
   * Copies the project into `newRoot` (every image first, then the JSON) and continues there;
   * the old folder is left as it was last saved and unlocked.
   */
  saveAs(newRoot: string): Promise<SaveStatus> {
    this.#assertOpen();
    const run = this.#serialize(() => this.#saveAsNow(path.resolve(newRoot)));
    this.#moving = run;
    const clear = () => {
      if (this.#moving === run) this.#moving = null;
    };
    run.then(clear, clear);
    return run;
  }

  /** Saves pending changes (unless `save: false`) and releases the folder. A failed save keeps it open. */
  async close(options: { save?: boolean } = {}): Promise<void> {
    if (this.#closed) return;
    this.#autosave.cancel();
    if ((options.save ?? true) && this.status.dirty) await this.save();
    await this.#chain;
    this.#closed = true;
    this.#listeners.clear();
    await this.#lock?.release();
  }

  #assertOpen(): void {
    if (this.#closed) throw new CastboardError('NO_PROJECT', 'This project was closed. Open it again to continue.');
  }

  #serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(task);
    this.#chain = run.catch(() => undefined);
    return run;
  }

  #autosaveNow(): void {
    if (this.#closed) return;
    // Failures are reported through the status (state 'error' + message), not thrown.
    this.save().catch(() => undefined);
  }

  #emit(): void {
    const status = this.status;
    const key = JSON.stringify(status);
    if (key === this.#lastEmitted) return;
    this.#lastEmitted = key;
    for (const listener of this.#listeners) listener(status);
  }

  #now(): Date {
    return this.#deps.now?.() ?? new Date();
  }

  async #write(root: string, project: Project, revision: number, lockCheck: ProjectLock | null): Promise<void> {
    await lockCheck?.assertHeld();
    const written = await writeProjectFile(root, project, this.#now(), this.#deps.logger);
    this.#lastBytes = written.bytes;
    this.#identity = written.identity;
    this.#savedRevision = revision;
    this.#lastError = null;
    this.#lastSavedAt = this.#now().toISOString();
  }

  #fail(error: unknown, folder: string): CastboardError {
    const failure = saveFailedError(error, folder);
    this.#lastError = failure.message;
    return failure;
  }

  async #saveNow(): Promise<SaveStatus> {
    if (!this.status.dirty) return this.status;
    // The document and its revision are taken together, before any await: changes made while
    // this save runs belong to the next save.
    const revision = this.#revision;
    const project = this.#project;
    this.#saving = true;
    this.#emit();
    try {
      if (this.#readOnlyReason) throw new CastboardError('PROJECT_SAVE_FAILED', `Castboard could not save: ${this.#readOnlyReason}`);
      await assertUnchangedOnDisk(this.#root, this.#identity, this.#lastBytes);
      await this.#write(this.#root, project, revision, this.#lock);
    } catch (error) {
      throw this.#fail(error, this.#root);
    } finally {
      this.#saving = false;
      this.#emit();
    }
    return this.status;
  }

  async #saveAsNow(target: string): Promise<SaveStatus> {
    if (await sameFolder(this.#root, target)) return this.#saveNow();
    const revision = this.#revision;
    const project = this.#project;
    const created = await prepareNewProjectFolder(target).catch((error: unknown) => {
      throw error instanceof CastboardError ? error : saveFailedError(error, target);
    });
    let lock: ProjectLock | null = null;
    this.#saving = true;
    this.#emit();
    try {
      lock = await acquireProjectLock(target, this.#deps.lock);
      await Promise.allSettled([...this.#puts]);
      const copy = await copyAllImages(this.#store, target, collectImageRefs(project));
      await this.#write(target, project, revision, lock);
      this.#deps.logger?.info('project saved as', { images: copy.copied, missing: copy.missing.length });
    } catch (error) {
      await lock?.release();
      // Only a folder made by this Save As is removed: everything in it was written here.
      if (created) await removeCreatedProjectFolder(target);
      throw error instanceof CastboardError && error.code === 'PROJECT_LOCKED' ? error : saveFailedError(error, target);
    } finally {
      this.#saving = false;
      this.#emit();
    }
    await this.#lock?.release();
    this.#lock = lock;
    this.#root = target;
    this.#store = createImageStore(target, this.#deps.imageHooks);
    this.#readOnlyReason = null;
    this.#emit();
    return this.status;
  }
}
