/**
 * The app's one open project, as the IPC layer and the generation service see it: opening
 * (dialog, recent list, newest backup after a failed open), editing, saving, importing images,
 * adding takes. Invariants:
 *  - folders come from dialogs or the recent list, never from a path the renderer invents;
 *  - opening another project first closes (and saves) the current one; if that fails, the
 *    current one stays open;
 *  - nothing is opened or closed while paid jobs are running for the current project;
 *  - edits from the renderer never remove takes or pending jobs (shared/domain/merge-document.ts).
 */
import path from 'node:path';
import type { AspectRatio, DeletedPanel, ImageRef, PendingJob, Project, Take, PaidWithoutImage } from '../../../shared/domain/project';
import { addTakesToDeleted } from '../../../shared/domain/recently-deleted';
import type { EventPayload } from '../../../shared/ipc/contract';
import { addTake, projectFolderName, type NewProjectInit } from '../../../shared/domain/project-edit';
import type { ListedRecentProject, OpenReport, SaveStatus } from '../../../shared/domain/project-status';
import { parseThumbnailPath } from '../../../shared/domain/thumbnail-ref';
import { CastboardError } from '../../../shared/errors';
import type { DialogPort } from '../dialogs';
import { verifyAndNormalizeImage } from '../image-safety';
import type { Logger } from '../logger';
import { listGoodBackups } from '../project/backups';
import type { LockHolder } from '../project/project-lock';
import { createProject, openProject, openProjectFromBackup } from '../project/project-open';
import { ProjectOpenError } from '../project/project-reader';
import type { ProjectSession } from '../project/project-session';
import { movedOrDeletedMessage, type RecentProjects } from '../project/recent-projects';
import { readChosenFile, UnsafeFileError } from '../project/safe-file';
import { createThumbnailCache, type ThumbnailCache } from '../project/thumbnails';
import { mergeEditedDocument } from '../../../shared/domain/merge-document';

export interface OpenedProject {
  root: string;
  project: Project;
  status: SaveStatus;
  report: OpenReport;
}

/** What addTakes did, as the renderer is told it. */
export type TakesAdded = EventPayload<'project:takesAdded'>;

export interface WorkspaceDeps {
  dialogs: DialogPort;
  recent: RecentProjects;
  logger: Logger;
  autosaveDelayMs: () => number;
  onStatus: (status: SaveStatus) => void;
  /** True while paid jobs for the open project are still running. */
  jobsRunning?: () => boolean;
  /** Recorded in project.lock, so whoever else is refused the project is told what holds it (default: a window). */
  lockHolder?: LockHolder;
}

/** Largest file accepted as a reference image before it is even decoded. */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A chosen image file: a regular file under the cap (never /dev/zero or a FIFO), read without buffering more. */
async function readImportFile(file: string): Promise<Buffer> {
  try {
    return await readChosenFile(file, { maxBytes: MAX_IMPORT_BYTES, label: `The file "${path.basename(file)}"`, code: 'IMAGE_INVALID' });
  } catch (error) {
    if (error instanceof UnsafeFileError && error.problem === 'too-large') {
      throw new CastboardError('IMAGE_TOO_LARGE', 'That image file is over 50 MB. Export a smaller copy (a few thousand pixels is plenty) and try again.');
    }
    throw error;
  }
}

export type ProjectWorkspace = ReturnType<typeof createProjectWorkspace>;

export function createProjectWorkspace(deps: WorkspaceDeps) {
  let session: ProjectSession | null = null;
  let thumbnails: ThumbnailCache | null = null;
  let stopStatus: (() => void) | null = null;
  let lastFailedRoot: string | null = null;

  const sessionDeps = () => ({ logger: deps.logger, autosaveDelayMs: deps.autosaveDelayMs(), lock: { holder: deps.lockHolder ?? 'window' } });

  function requireSession(): ProjectSession {
    if (!session || session.isClosed) throw new CastboardError('NO_PROJECT', 'No project is open. Create or open a project first.');
    return session;
  }

  /** Only when every Recently deleted entry holds takes does one with takes fall off: say so. */
  function logDropped(dropped: readonly DeletedPanel[]): void {
    for (const entry of dropped) {
      deps.logger.warn('Recently deleted is full of panels with takes; the oldest fell off (its images stay in images/)', { panelId: entry.panel.id, takes: entry.panel.takes.map((take) => take.image) });
    }
  }

  function describe(current: ProjectSession): OpenedProject {
    return { root: current.root, project: current.project, status: current.status, report: current.report };
  }

  function assertIdle(action: string): void {
    if (deps.jobsRunning?.()) {
      throw new CastboardError('INVALID_REQUEST', `Images are still being generated. Wait for them or cancel them before you ${action}.`);
    }
  }

  async function closeCurrent(): Promise<void> {
    if (!session) return;
    assertIdle('close this project');
    await session.close({ save: true });
    stopStatus?.();
    session = null;
    thumbnails = null;
  }

  async function adopt(opening: () => Promise<ProjectSession>, root: string): Promise<OpenedProject> {
    await closeCurrent();
    let next: ProjectSession;
    try {
      next = await opening();
    } catch (error) {
      if (error instanceof ProjectOpenError) lastFailedRoot = root;
      throw error;
    }
    lastFailedRoot = null;
    session = next;
    thumbnails = createThumbnailCache(next.root);
    next.setAutosaveDelay(deps.autosaveDelayMs());
    stopStatus = next.onStatus(deps.onStatus);
    deps.recent.add(next.root, next.project.title);
    return describe(next);
  }

  const createAt = (root: string, init: NewProjectInit) =>
    adopt(() => createProject(root, init, sessionDeps()), path.resolve(root));

  const openPath = (dir: string) => adopt(() => openProject(dir, sessionDeps()), path.resolve(dir));

  async function checkRecent(dir: string): Promise<void> {
    const entry = (await deps.recent.list()).find((item) => item.path === dir);
    if (!entry) throw new CastboardError('PROJECT_NOT_FOUND', 'That project is no longer where it was. Use Open project to find it.');
    if (entry.missing) throw new CastboardError('PROJECT_NOT_FOUND', movedOrDeletedMessage(entry));
  }

  return {
    root: (): string | null => (session && !session.isClosed ? session.root : null),
    current: (): OpenedProject | null => (session && !session.isClosed ? describe(session) : null),
    project: (): Project => requireSession().project,
    recent: (): Promise<ListedRecentProject[]> => deps.recent.list(),
    openPath,

    /** Creates a project in `<chosen folder>/<Title>.castboard`; null when the dialog is cancelled. */
    async create(init: { title: string; aspectRatio: AspectRatio }): Promise<OpenedProject | null> {
      assertIdle('create another project');
      const parent = await deps.dialogs.chooseFolder({ title: 'Choose where to create the project folder', buttonLabel: 'Create here' });
      return parent ? createAt(path.join(parent, projectFolderName(init.title)), init) : null;
    },

    /** Creates a project in exactly this folder (the CLI's `init <dir>`). */
    createAt,

    async open(): Promise<OpenedProject | null> {
      assertIdle('open another project');
      const dir = await deps.dialogs.chooseFolder({ title: 'Open a Castboard project folder', buttonLabel: 'Open' });
      return dir ? openPath(dir) : null;
    },

    /** Throws what opening this recent entry would say when it cannot be opened; asks nothing, changes nothing. */
    checkRecent,

    async openRecent(dir: string): Promise<OpenedProject> {
      await checkRecent(dir);
      return openPath(dir);
    },

    /** Takes a folder off the recent list (e.g. a project that was moved or deleted); answers the new list. */
    async removeRecent(dir: string): Promise<ListedRecentProject[]> {
      deps.recent.remove(dir);
      return deps.recent.list();
    },

    async openBackup(): Promise<OpenedProject> {
      const root = lastFailedRoot;
      if (!root) throw new CastboardError('NOT_FOUND', 'There is no damaged project to restore a backup for.');
      const [newest] = await listGoodBackups(root);
      if (!newest) throw new CastboardError('PROJECT_NOT_FOUND', 'This project has no readable backup. Its project.json was left exactly as it was.');
      return adopt(() => openProjectFromBackup(root, newest.fileName, sessionDeps()), root);
    },

    /** `editedIn`: the folder the renderer made the edit in (checked so a late edit never lands in another project). */
    update(edited: Project, editedIn?: string): SaveStatus {
      const current = requireSession();
      if (editedIn !== undefined && path.resolve(editedIn) !== current.root) {
        throw new CastboardError('INVALID_REQUEST', 'That edit was made in a project that is no longer open, so it was not applied there.');
      }
      current.update(mergeEditedDocument(current.project, edited, logDropped));
      return current.status;
    },

    save: (): Promise<SaveStatus> => requireSession().save(),

    async saveAs(): Promise<OpenedProject | null> {
      const current = requireSession();
      assertIdle('save a copy');
      const parent = await deps.dialogs.chooseFolder({ title: 'Choose where to save a copy of the project', buttonLabel: 'Save here' });
      if (!parent) return null;
      await current.saveAs(path.join(parent, projectFolderName(current.project.title)));
      thumbnails = createThumbnailCache(current.root);
      deps.recent.add(current.root, current.project.title);
      return describe(current);
    },

    close: closeCurrent,

    /**
     * Closes the project WITHOUT saving and releases its lock: for a command-line run whose final
     * save failed (e.g. disk full), which has nobody to keep the work open for.
     */
    async abandon(): Promise<void> {
      if (!session) return;
      await session.close({ save: false });
      stopStatus?.();
      session = null;
      thumbnails = null;
    },

    /** Applies a changed autosave setting to the open project at once. */
    setAutosaveDelay(delayMs: number): void {
      if (session && !session.isClosed) session.setAutosaveDelay(delayMs);
    },

    async importImageBytes(bytes: Uint8Array): Promise<{ image: ImageRef; width: number; height: number }> {
      const current = requireSession();
      const verified = await verifyAndNormalizeImage(bytes, { origin: 'import' });
      return { image: await current.putImage(verified.png), width: verified.width, height: verified.height };
    },

    /** `onChosen` runs once a file was picked, before it is read (null when cancelled: never). */
    async importImageFromDialog(onChosen?: () => void): Promise<{ image: ImageRef; width: number; height: number } | null> {
      const chosen = await this.chooseImageFile('Choose a reference image', onChosen);
      return chosen ? this.importImageBytes(chosen.bytes) : null;
    },

    /** Asks for an image file and reads it (capped, regular files only); null when cancelled. */
    async chooseImageFile(title: string, onChosen?: () => void): Promise<{ bytes: Buffer; fileName: string } | null> {
      requireSession();
      const file = await deps.dialogs.chooseImageFile({ title });
      if (file) onChosen?.();
      return file ? { bytes: await readImportFile(file), fileName: path.basename(file) } : null;
    },

    readImage: (image: ImageRef): Promise<Buffer> => requireSession().images.read(image),

    /** Stores a PNG that was already verified (a gateway result); returns its reference. */
    putVerifiedImage: (png: Uint8Array): Promise<ImageRef> => requireSession().putImage(png),

    /**
     * Stores a finished generation's takes; the first becomes active when the panel has none.
     * `activate: false` (finished after a cancel) never replaces the take shown. `makeActive`: the last one becomes active whatever was shown (an
     * image the artist brought in). If the panel was deleted meanwhile, the takes join its entry
     * in `recentlyDeleted` — a new one when it fell off that list or was lost (`reference`: the
     * character image the request sent, to name its character) — so restoring the panel brings
     * back every take it paid for, also when the job was resumed after a restart.
     */
    addTakes(panelId: string, takes: Take[], options: { activate?: boolean; makeActive?: boolean; reference?: ImageRef } = {}): TakesAdded {
      const current = requireSession();
      const panel = current.project.panels.find((candidate) => candidate.id === panelId);
      if (!panel) {
        // Paid images are never dropped: Recently deleted keeps them for a later restore.
        const kept = addTakesToDeleted(current.project, panelId, takes, { reference: options.reference, deletedAt: new Date().toISOString() });
        current.update(kept.project);
        deps.logger.warn('A generation finished for a deleted panel; its takes are kept in Recently deleted', { panelId, newEntry: kept.created });
        logDropped(kept.dropped);
        return { panelId, takes, activeTakeId: null, ...(kept.created ? { deleted: kept.entry } : {}) };
      }
      // activate: false keeps the takes beside the one shown, never in its place; a panel with no
      // take shown at all shows the first of them (else a paid image would read "No take yet").
      const replaceShown = options.activate !== false && options.makeActive === true;
      const updated = takes.reduce((next, take) => addTake(next, take, { activate: replaceShown }), panel);
      current.update({ ...current.project, panels: current.project.panels.map((p) => (p.id === panelId ? updated : p)) });
      return { panelId, takes, activeTakeId: updated.activeTakeId };
    },

    setPendingJobs(change: (jobs: PendingJob[]) => PendingJob[]): void {
      const current = requireSession();
      current.update({ ...current.project, pendingJobs: change(current.project.pendingJobs) });
    },

    /** Main's record of money paid without an image (see generation/spend-record.ts). */
    setPaidWithoutImage(change: (records: PaidWithoutImage[]) => PaidWithoutImage[]): void {
      const current = requireSession();
      current.update({ ...current.project, paidWithoutImage: change(current.project.paidWithoutImage ?? []) });
    },

    /** Builds a thumbnail the renderer asked for by URL, so the media handler finds it. */
    async prepareMedia(relative: string): Promise<Uint8Array | undefined> {
      const wanted = parseThumbnailPath(relative);
      if (!wanted || !thumbnails) return undefined;
      const cache = thumbnails;
      await cache.get(wanted.image, wanted.size);
      return cache.unwritten(relative);
    },
  };
}
