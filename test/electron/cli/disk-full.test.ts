/**
 * Issue #16: a CLI command whose final save fails (a full disk) must say so in the CLI's words,
 * release project.lock on the way out and leave the project exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exists, makeProject, snapshotTree, tempDir } from './cli-kit';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe('a CLI command whose final save fails (disk full, issue #16)', () => {
  it('says so in CLI words, releases project.lock and leaves the project as it was', async () => {
    const temp = await tempDir();
    try {
      const long = 'Mara climbs the lighthouse stairs in the storm, lantern swinging, rain hammering the glass. '.repeat(5);
      const project = await makeProject(temp.dir, Array.from({ length: 8 }, (_, i) => `${long} Beat ${i + 1}.`));
      const before = await snapshotTree(project);
      expect((await stat(path.join(project, 'project.json'))).size).toBeGreaterThan(8 * 512);
      // `ulimit -f 8`: the kernel refuses (EFBIG) any file larger than 4 KB, as a full disk would.
      const cliEntry = path.join(repoRoot, 'electron/cli/castboard.ts');
      const run = spawnSync('/bin/sh', ['-c', 'ulimit -f 8 && exec "$0" "$@"', process.execPath, '--import', 'tsx', cliEntry, 'panel', 'add', project, '--scene', 'One more beat'], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("The command's changes could not be saved");
      expect(run.stderr).toContain('run the command again');
      expect(run.stderr).not.toContain('open in Castboard');
      expect(await exists(path.join(project, 'project.lock'))).toBe(false);
      expect(await snapshotTree(project)).toEqual(before);
    } finally {
      await temp.cleanup();
    }
  }, 90_000);
});
