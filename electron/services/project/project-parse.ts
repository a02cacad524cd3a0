/**
 * Bytes of a project.json -> a current-version Project, or the precise reason it is not one.
 * Order matters for the message: empty, then text (strict UTF-8: a damaged byte is never
 * replaced by U+FFFD and saved back), then JSON (a file ending early is "truncated", the usual
 * sign of an interrupted copy or a full disk), then the format version (newer is refused, older
 * migrated), then the schema. Pure: no file system, so backups are checked with the same rules.
 * The schema is checked by its compiled form first (compiled-checks/, no zod); only a
 * document it does not accept goes to zod, which decides and words the problem. A current-format
 * project that is fine (every command's read) therefore never loads zod or the migrations.
 */
import type { ErrorCode } from '../../../shared/errors';
import type { Project } from '../../../shared/domain/project';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/domain/project-document';
import { linkProblems } from '../../../shared/domain/project-rules';
import { failed } from '../../../shared/compiled-checks/kit';
import { checkProjectShape } from '../compiled-checks/project-shape.generated';
import { rememberCheckedProject } from './checked-projects';
import { describeIssuePath } from './project-messages';

export type ParseFailureKind = 'empty' | 'not-utf8' | 'truncated' | 'not-json' | 'not-project' | 'too-new' | 'too-old' | 'invalid' | 'bad-image-path';

export type ParseOutcome =
  | { ok: true; project: Project; fromVersion: number }
  | { ok: false; kind: ParseFailureKind; code: ErrorCode; detail: string };

const CODES: Record<ParseFailureKind, ErrorCode> = {
  empty: 'PROJECT_UNREADABLE',
  'not-utf8': 'PROJECT_UNREADABLE',
  truncated: 'PROJECT_UNREADABLE',
  'not-json': 'PROJECT_UNREADABLE',
  'not-project': 'PROJECT_INVALID',
  'too-new': 'PROJECT_TOO_NEW',
  'too-old': 'PROJECT_INVALID',
  invalid: 'PROJECT_INVALID',
  'bad-image-path': 'PROJECT_INVALID',
};

function fail(kind: ParseFailureKind, detail: string): ParseOutcome {
  return { ok: false, kind, code: CODES[kind], detail };
}

function decodeStrict(bytes: Uint8Array): { text: string } | { incompleteTail: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Valid except for a multi-byte character cut at the very end: the file was truncated.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
      return { incompleteTail: true };
    } catch {
      return { incompleteTail: false };
    }
  }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function parseJson(text: string): { value: unknown } | ParseOutcome {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? Number.NaN);
    const endsEarly = /end of JSON input/i.test(message) || (Number.isFinite(position) && position >= text.trimEnd().length);
    if (endsEarly) {
      return fail('truncated', `project.json is damaged: it ends in the middle of the project (after ${text.length.toLocaleString('en-US')} characters), as if a save or a copy was cut short.`);
    }
    const where = Number.isFinite(position) ? ` at ${lineAndColumn(text, position)}` : '';
    return fail('not-json', `project.json is damaged: it is not valid JSON${where}. It may have been edited by hand or damaged by another program.`);
  }
}

async function checkVersion(value: unknown): Promise<{ version: number } | ParseOutcome> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('schemaVersion' in value)) {
    return fail('not-project', 'project.json does not contain a Castboard project (it has no format version).');
  }
  const version = value.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('invalid', `project.json has an impossible format version (${JSON.stringify(version)}); it may have been edited by hand.`);
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return fail(
      'too-new',
      `This project was saved by a newer version of Castboard (project format ${version}; this version reads format ${CURRENT_SCHEMA_VERSION} and older). Update Castboard to open it.`,
    );
  }
  if (version < CURRENT_SCHEMA_VERSION && !(await import('./migrations')).canMigrate(version)) {
    return fail('too-old', `This project uses project format ${version}, which this version of Castboard can no longer convert.`);
  }
  return { version };
}

/** The current-format document checked against the project schema: the compiled check, else zod. */
async function checkSchema(document: unknown): Promise<{ project: Project } | ParseOutcome> {
  const quick = checkProjectShape(document);
  // The compiled check answers only for the shape; the links between parts are one shared rule.
  if (!failed(quick) && linkProblems(quick as Project).length === 0) return { project: rememberCheckedProject(quick as Project) };
  const { ProjectSchema } = await import('../../../shared/domain/project');
  // One parse per open: zod's compiled fast path (generated code, compiled on first use) costs
  // more than it saves for a single pass, even over thousands of panels (measured).
  const result = ProjectSchema.safeParse(document, { jitless: true });
  return result.success ? { project: rememberCheckedProject(result.data) } : schemaFailure(result.error.issues);
}

function schemaFailure(issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code: string; params?: unknown }>): ParseOutcome {
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  if (!first) return fail('invalid', 'project.json is not a valid Castboard project.');
  const where = describeIssuePath(first.path);
  const what = first.message.replace(/^Invalid input: /, '');
  const isImagePath = first.code === 'custom' && typeof first.params === 'object' && first.params !== null && 'imageRef' in first.params;
  if (isImagePath) {
    return fail('bad-image-path', `project.json is not safe to open: in ${where}: ${what}${more}. Castboard only reads images inside the project folder.`);
  }
  return fail('invalid', `project.json has a value Castboard cannot use: in ${where}: ${what}${more}. It may have been edited by hand or written by another program.`);
}

export async function parseProjectBytes(bytes: Uint8Array): Promise<ParseOutcome> {
  if (bytes.byteLength === 0) {
    return fail('empty', 'project.json is empty (0 bytes): the last save or copy of this project did not finish.');
  }
  const decoded = decodeStrict(bytes);
  if (!('text' in decoded)) {
    return decoded.incompleteTail
      ? fail('truncated', 'project.json is damaged: it ends in the middle of the project, as if a save or a copy was cut short.')
      : fail('not-utf8', 'project.json is damaged: it contains bytes that are not valid text (UTF-8), so it cannot be read safely.');
  }
  const parsed = parseJson(decoded.text);
  if (!('value' in parsed)) return parsed;
  const version = await checkVersion(parsed.value);
  if (!('version' in version)) return version;
  const document =
    version.version < CURRENT_SCHEMA_VERSION ? (await import('./migrations')).migrateToCurrent(parsed.value as Record<string, unknown>, version.version) : parsed.value;
  const checked = await checkSchema(document);
  if (!('project' in checked)) return checked;
  return { ok: true, project: checked.project, fromVersion: version.version };
}

/** The bytes written for a document: stable key order, two-space indent, no trailing newline
 *  (so a file missing even its last byte fails to parse and is reported as truncated). */
export function serializeProject(project: Project): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(project, null, 2));
}
