/**
 * `npm start` on a machine whose Electron download failed: one clear paragraph and a non-zero
 * exit before any build, instead of Electron's stack trace. The test points Electron at a folder
 * that does not exist (ELECTRON_OVERRIDE_DIST_PATH), so nothing is downloaded.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('npm start without the Electron binary', () => {
  it('explains what failed, how to fix it and what to run meanwhile, and exits 1 without building', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-is-missing' },
      timeout: 15_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the Electron program is not installed');
    expect(run.stderr).toContain('ELECTRON_MIRROR');
    expect(run.stderr).toContain('rm -rf node_modules/electron && npm install');
    expect(run.stderr).toContain('npm run harness');
    expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(run.stdout).not.toContain('vite'); // the build never started
  });
});
