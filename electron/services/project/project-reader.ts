/**
 * Opening a project folder, read-only: nothing here writes, so a project that fails to open is
 * left byte-for-byte as it was. Failures are ProjectOpenError (a CastboardError with a specific
 * code and message) carrying the good backups, newest first, that the UI can offer instead.
 * Missing or damaged images do NOT fail the open: they are reported, and stay referenced.
 */
import type { ErrorCode } from '../../../shared/errors';
import { CastboardError } from '../../../shared/errors';
import type { Project } from '../../../shared/domain/project';
import { collectImageUsage } from '../../../shared/domain/project-document';
import type { BackupInfo, ImageProblem } from '../../../shared/domain/project-status';
import { listGoodBackups } from './backups';
import { errnoCode } from './fs-errors';
import type { ImageStore } from './image-store';
import { UNCHANGED, backupOffer } from './project-messages';
import { projectFolderType, readProjectFileWithIdentity, type FileIdentity } from './project-files';
import { PROJECT_FILE } from './project-paths';
import { parseProjectBytes, type ParseFailureKind } from './project-parse';

export type OpenFailureKind = ParseFailureKind | 'no-folder' | 'no-project-file' | 'unreadable-file';

export class ProjectOpenError extends CastboardError {
  readonly reason: OpenFailureKind;
  /** Good backups, newest first (empty when none, or when offering one makes no sense). */
  readonly backups: readonly BackupInfo[];
  /**
   * The message's closing offer ("Open the newest backup from ... instead?", answered by the app's
   * button), '' when there is none: the CLI, which has no button, replaces it with its own words.
   */
  readonly offer: string;

  constructor(code: ErrorCode, message: string, reason: OpenFailureKind, backups: readonly BackupInfo[], options?: { cause?: unknown; offer?: string }) {
    super(code, message, options);
    this.name = 'ProjectOpenError';
    this.reason = reason;
    this.backups = backups;
    this.offer = options?.offer ?? '';
  }
}

/** Identifies the exact file a session read or wrote, to notice when something else replaced it. */
export type { FileIdentity };

export interface LoadedProject {
  project: Project;
  /** The bytes exactly as read (kept before a migration). */
  bytes: Uint8Array;
  fromVersion: number;
  identity: FileIdentity;
}

async function failWithBackups(root: string, code: ErrorCode, reason: OpenFailureKind, detail: string, now: Date, cause?: unknown): Promise<never> {
  const backups = reason === 'too-new' ? [] : await listGoodBackups(root);
  const offer = reason === 'too-new' ? '' : backupOffer(backups, now);
  throw new ProjectOpenError(code, `${detail} ${UNCHANGED}${offer ? ` ${offer}` : ''}`, reason, backups, { cause, offer });
}

/** PROJECT_NOT_FOUND unless `root` is an existing folder. */
export async function assertProjectFolder(root: string): Promise<void> {
  const type = await projectFolderType(root);
  if (type === 'missing') {
    throw new ProjectOpenError('PROJECT_NOT_FOUND', `The project folder "${root}" does not exist. It may have been moved, renamed or deleted.`, 'no-folder', []);
  }
  if (type !== 'folder') {
    throw new ProjectOpenError('PROJECT_NOT_FOUND', `"${root}" is a file, not a project folder. Choose the folder that holds project.json.`, 'no-folder', []);
  }
}

export async function readProjectFolder(root: string, now: Date = new Date()): Promise<LoadedProject> {
  await assertProjectFolder(root);
  let read;
  try {
    // Capped, regular files only: a FIFO, a device or a link as project.json is refused at once.
    read = await readProjectFileWithIdentity(root, PROJECT_FILE, 'project');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') {
      return failWithBackups(root, 'PROJECT_NOT_FOUND', 'no-project-file', `There is no project.json in "${root}", so it is not a Castboard project folder (or its project file was deleted).`, now, error);
    }
    const detail =
      error instanceof CastboardError
        ? error.message
        : errnoCode(error) === 'EACCES' || errnoCode(error) === 'EPERM'
          ? 'Castboard is not allowed to read project.json in this folder. Check the folder permissions.'
          : `project.json could not be read (${errnoCode(error) ?? 'read error'}).`;
    return failWithBackups(root, 'PROJECT_UNREADABLE', 'unreadable-file', detail, now, error);
  }
  const parsed = await parseProjectBytes(read.bytes);
  if (!parsed.ok) return failWithBackups(root, parsed.code, parsed.kind, parsed.detail, now);
  return { project: parsed.project, bytes: read.bytes, fromVersion: parsed.fromVersion, identity: read.identity };
}

/** Quick-checks every image the document names (bounded parallelism); reports the bad ones. */
export async function checkReferencedImages(store: ImageStore, project: Project, concurrency = 16): Promise<ImageProblem[]> {
  const entries = [...collectImageUsage(project).entries()];
  const problems: (ImageProblem | null)[] = new Array<ImageProblem | null>(entries.length).fill(null);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < entries.length) {
      const index = next;
      next += 1;
      const [image, usedBy] = entries[index] ?? ['', []];
      const health = await store.check(image).catch(() => 'corrupt' as const);
      if (health !== 'ok') problems[index] = { image, problem: health, usedBy };
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker));
  return problems.filter((problem): problem is ImageProblem => problem !== null);
}
