/** One line of the security report: a named check, whether it passed, and what it found. */
export interface CheckResult {
  name: string;
  ok: boolean;
  /** Findings (failures) or notes (passes), one per line. */
  details: string[];
}

export function result(name: string, failures: string[], notes: string[] = []): CheckResult {
  return { name, ok: failures.length === 0, details: failures.length > 0 ? failures : notes };
}
