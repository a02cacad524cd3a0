/**
 * Runs Doyensec's electronegativity on a staged copy of the app's source (electron/ without these
 * tools, shared/, renderer/, package.json for the Electron version) and compares its findings with
 * the reviewed exceptions in reviewed-findings.json. electronegativity never fails by itself, so
 * this is what fails the audit: any finding without a reviewed exception, any file it could not
 * parse, or an exception without a reason. Exceptions that no longer match are reported as stale.
 * AvailableSecurityFixesGlobalCheck is skipped: it downloads Electron's release list (CI is
 * offline and the result would change with every Electron release); Electron upgrades are tracked
 * as dependency updates instead.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { result, type CheckResult } from './check';

export interface Finding {
  check: string;
  file: string;
  line: number;
  severity: string;
  description: string;
}

export interface ReviewedFinding {
  check: string;
  file: string;
  reason: string;
}

interface RawIssue {
  id: string;
  file: string;
  location?: { line?: number };
  severity?: { name?: string };
  description?: string;
}

interface RunResult {
  issues: RawIssue[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}

type Electronegativity = (options: Record<string, unknown>) => Promise<RunResult>;

const SKIPPED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

async function stage(repoRoot: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'castboard-electronegativity-'));
  const tools = path.join(repoRoot, 'electron', 'tools');
  await cp(path.join(repoRoot, 'electron'), path.join(dir, 'electron'), { recursive: true, filter: (source) => !source.startsWith(tools) });
  await cp(path.join(repoRoot, 'shared'), path.join(dir, 'shared'), { recursive: true });
  await cp(path.join(repoRoot, 'renderer'), path.join(dir, 'renderer'), { recursive: true });
  await cp(path.join(repoRoot, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

export async function runElectronegativity(repoRoot: string, reportPath: string): Promise<{ findings: Finding[]; unparsed: string[] }> {
  const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Electronegativity;
  const dir = await stage(repoRoot);
  try {
    const { issues, errors } = await run({ input: dir, output: reportPath, isSarif: true, isRelative: true, excludeFromScan: SKIPPED_CHECKS });
    const relative = (file: string) => (path.isAbsolute(file) ? path.relative(dir, file) : file).split(path.sep).join('/');
    return {
      findings: issues.map((issue) => ({
        check: issue.id,
        file: relative(issue.file),
        line: issue.location?.line ?? 0,
        severity: issue.severity?.name ?? 'UNKNOWN',
        description: issue.description ?? '',
      })),
      unparsed: errors.filter((error) => !error.tolerable).map((error) => `${relative(error.file)}: ${error.message}`),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function readReviewed(file: string): Promise<ReviewedFinding[]> {
  return JSON.parse(await readFile(file, 'utf8')) as ReviewedFinding[];
}

/** Pure comparison of findings with the reviewed exceptions. */
export function compareFindings(findings: Finding[], reviewed: ReviewedFinding[], unparsed: string[] = []): CheckResult {
  const failures: string[] = [];
  const notes: string[] = [];
  for (const entry of reviewed) {
    if (!entry.check || !entry.file || typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
      failures.push(`Reviewed exception ${entry.check ?? '?'} @ ${entry.file ?? '?'} needs a reason (a sentence saying why it is safe).`);
    }
  }
  const matches = (finding: Finding, entry: ReviewedFinding) => entry.check === finding.check && entry.file === finding.file;
  for (const finding of findings) {
    const entry = reviewed.find((candidate) => matches(finding, candidate));
    const where = `${finding.check} ${finding.file}:${finding.line} (${finding.severity})`;
    if (entry) notes.push(`reviewed: ${where} — ${entry.reason}`);
    else failures.push(`UNREVIEWED: ${where} — ${finding.description}`);
  }
  for (const entry of reviewed) {
    if (!findings.some((finding) => matches(finding, entry))) notes.push(`stale exception (no longer reported, remove it): ${entry.check} ${entry.file}`);
  }
  for (const file of unparsed) failures.push(`electronegativity could not parse ${file}: that code was not scanned.`);
  return result(`electronegativity: ${findings.length} finding(s), ${failures.length === 0 ? 'all reviewed' : 'unreviewed ones below'}`, failures, notes);
}
