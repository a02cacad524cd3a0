/**
 * The states of a generation job and which ones are final. Free of zod (jobs.ts holds the
 * schemas and re-exports these), so a command that only shows progress does not load it.
 */
export const JOB_STATES = ['queued', 'sending', 'waiting', 'polling', 'downloading', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** States a job never leaves. */
export const TERMINAL_JOB_STATES: ReadonlySet<JobState> = new Set(['done', 'failed', 'cancelled']);

export function isTerminalState(state: JobState): boolean {
  return TERMINAL_JOB_STATES.has(state);
}
