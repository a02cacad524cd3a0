/**
 * Remembers, by object identity, the projects that came out of the project schema check (opening
 * a file, creating one, every update), so main can send the project it holds without checking it
 * again (electron/main/ipc/response-schemas.ts). Invariant: only the result of a successful check
 * is remembered — ProjectSchema's, or the compiled check's that accepts exactly what ProjectSchema
 * accepts (project-parse.ts, compiled-checks/) — and projects are never mutated in place (every
 * change replaces the document through ProjectSession.update, which checks the new one), so a
 * remembered object still matches the schema. A WeakSet: a replaced document is forgotten with
 * the document. No zod here: reading a project must not load it (the CLI's start).
 */
import type { Project } from '../../../shared/domain/project';

const checked = new WeakSet<object>();

/** Marks `project`, a successful result of the project schema check, as checked; returns it. */
export function rememberCheckedProject(project: Project): Project {
  checked.add(project);
  return project;
}

/** True only for an object remembered by rememberCheckedProject. */
export function isCheckedProject(value: unknown): value is Project {
  return typeof value === 'object' && value !== null && checked.has(value);
}
