/**
 * Remembers, by object identity, the projects that came out of ProjectSchema (opening a file,
 * creating one, every update), so main can send the project it holds without parsing it again
 * (electron/main/ipc/response-schemas.ts). Invariant: only a ProjectSchema parse result is ever
 * remembered, and projects are never mutated in place (every change replaces the document through
 * ProjectSession.update, which parses the new one), so a remembered object still matches the schema.
 * A WeakSet: a replaced document is forgotten with the document.
 */
import { ProjectSchema, type Project } from '../../../shared/domain/project';

const checked = new WeakSet<object>();

/** ProjectSchema.safeParse, remembering a successful result. */
export function parseProjectOnce(candidate: unknown, options?: { jitless?: boolean }): ReturnType<typeof ProjectSchema.safeParse> {
  const result = ProjectSchema.safeParse(candidate, options);
  if (result.success) checked.add(result.data);
  return result;
}

/** True only for an object that is itself a result of parseProjectOnce. */
export function isCheckedProject(value: unknown): value is Project {
  return typeof value === 'object' && value !== null && checked.has(value);
}
