/**
 * `npm run audit:security`: the security checks CI runs after lint. electronegativity's findings
 * must all be reviewed (audit/reviewed-findings.json, a reason for each), and the project's own
 * checks cover what it cannot see: sender validation on every IPC channel, no local-file URLs,
 * nothing but the contract API exposed by the preload, a blocking CSP, locked-down windows and
 * sessions, a spellchecker that downloads nothing, no IPC listener outside the registrar once the
 * app's composition has run (libraries included), and the Electron fuses (with the ad-hoc macOS
 * signature re-applied) in electron-builder.yml, and that no service but the confined file layer
 * touches a project folder. Prints a report; exits 1 on any failure.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CheckResult } from './audit/check';
import { compareFindings, readReviewed, runElectronegativity } from './audit/electronegativity';
import { checkProjectFileAccess } from './audit/fs-checks';
import { checkIpcSenders, checkPreloadExposure } from './audit/ipc-checks';
import { checkPackaging } from './audit/packaging-checks';
import { checkRuntimeIpcListeners } from './audit/runtime-ipc-check';
import { readSources } from './audit/source-files';
import { checkSpellcheckOffline } from './audit/spellcheck-checks';
import { checkContentSecurityPolicy, checkNoFileUrls, checkWindowLockDown } from './audit/web-checks';

const repoRoot = path.resolve(import.meta.dirname, '../..');

async function electronegativityCheck(): Promise<CheckResult> {
  const report = path.join(await mkdtemp(path.join(tmpdir(), 'castboard-audit-')), 'electronegativity.sarif');
  const { findings, unparsed } = await runElectronegativity(repoRoot, report);
  const checked = compareFindings(findings, await readReviewed(path.join(import.meta.dirname, 'audit/reviewed-findings.json')), unparsed);
  return { ...checked, details: [...checked.details, `full report: ${report}`] };
}

async function main(): Promise<void> {
  const started = Date.now();
  const files = readSources(repoRoot);
  const results: CheckResult[] = [
    checkIpcSenders(files),
    checkPreloadExposure(files),
    checkNoFileUrls(files),
    await checkContentSecurityPolicy(files),
    checkWindowLockDown(files),
    checkSpellcheckOffline(files),
    await checkRuntimeIpcListeners(),
    checkProjectFileAccess(files),
    await checkPackaging(repoRoot),
    await electronegativityCheck(),
  ];
  console.log('\nCastboard security audit\n');
  for (const check of results) {
    console.log(`${check.ok ? 'PASS' : 'FAIL'}  ${check.name}`);
    for (const line of check.details) console.log(`      ${line}`);
  }
  const failed = results.filter((check) => !check.ok).length;
  console.log(`\n${failed === 0 ? 'All' : `${results.length - failed} of`} ${results.length} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error('The security audit itself failed:', error);
  process.exitCode = 1;
});
