/**
 * Writing project.json. The document is validated first (an invalid document is never written),
 * serialised, and written atomically; only then is a copy rotated into backups/. Images are not
 * touched here: they were written durably when they entered the project (image-store.put), so
 * by the time a document naming them is saved, they are on disk.
 * Before writing, the caller checks the file on disk is still the one it last read or wrote:
 * a project.json replaced behind Castboard's back (a sync tool, another program) is not
 * overwritten.
 */
import { CastboardError } from '../../../shared/errors';
import { ProjectSchema, type Project } from '../../../shared/domain/project';
import { rememberCheckedProject } from './checked-projects';
import type { Logger } from '../logger';
import { rotateBackup } from './backups';
import { errnoCode } from './fs-errors';
import { entryType, readProjectFileIfSafe, writeProjectFile as writeConfined } from './project-files';
import { describeIssuePath } from './project-messages';
import { PROJECT_FILE } from './project-paths';
import { serializeProject } from './project-parse';
import type { FileIdentity } from './project-reader';

export interface WrittenProject {
  bytes: Uint8Array;
  identity: FileIdentity;
}

/** Parses a document for saving; PROJECT_INVALID (naming the bad field) when it cannot be stored. */
export function validateProject(candidate: unknown): Project {
  const result = ProjectSchema.safeParse(candidate);
  if (result.success) return rememberCheckedProject(result.data);
  const first = result.error.issues[0];
  const where = first ? `in ${describeIssuePath(first.path)}: ${first.message.replace(/^Invalid input: /, '')}` : 'the document does not match the project format';
  throw new CastboardError('PROJECT_INVALID', `Castboard cannot store this change: ${where}. The project was left as it was.`);
}

/** The identity of project.json as it is on disk (a link or other non-file counts as changed). */
export async function readIdentity(root: string): Promise<FileIdentity | null> {
  const entry = await entryType(root, PROJECT_FILE);
  return entry.type === 'missing' ? null : entry.identity;
}

function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/**
 * Refuses (PROJECT_SAVE_FAILED) when project.json is no longer what this session last read or
 * wrote. A missing file is fine to recreate; a touched but identical file is fine too.
 */
export async function assertUnchangedOnDisk(root: string, identity: FileIdentity | null, lastBytes: Uint8Array | null): Promise<void> {
  const current = await readIdentity(root);
  if (!current || (identity && sameIdentity(current, identity))) return;
  const bytes = await readProjectFileIfSafe(root, PROJECT_FILE, 'project');
  if (bytes && lastBytes && Buffer.compare(bytes, lastBytes) === 0) return;
  throw new CastboardError(
    'PROJECT_SAVE_FAILED',
    'project.json was changed by another program since Castboard opened it, so Castboard did not overwrite it. ' +
      'Use Save As to keep your version in a new folder, then compare the two.',
  );
}

export async function writeProjectFile(root: string, project: Project, now: Date, logger?: Logger): Promise<WrittenProject> {
  const bytes = serializeProject(validateProject(project));
  await writeConfined(root, PROJECT_FILE, bytes);
  const identity = await readIdentity(root);
  if (!identity) throw Object.assign(new Error('project.json vanished right after it was written'), { code: 'ENOENT' });
  try {
    await rotateBackup(root, bytes, now);
  } catch (error) {
    // The save itself succeeded; a missing backup must not turn it into a reported failure.
    logger?.warn('project backup not written', { code: errnoCode(error) });
  }
  return { bytes, identity };
}
