import { execFileSync } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliBackupEnding } from '../../../electron/cli/backup-hint';
import { withOpenProject } from '../../../electron/cli/cli-project';
import { ProjectOpenError, readProjectFolder } from '../../../electron/services/project/project-reader';
import type { FakeGateway } from '../../fakes/gateway/fake-gateway';
import { cli, gatewayEnv, makeProject, readProjectJson, snapshotTree, useCliFixture } from './cli-kit';

const fixture = useCliFixture();
let gateway: FakeGateway;
let dir: string;
beforeEach(() => {
  ({ gateway, dir } = fixture);
});

describe('castboard info', () => {
  it('reads without writing or locking, also while the project is open elsewhere', async () => {
    const project = await makeProject(dir, ['a', 'b']);
    const before = await snapshotTree(project);
    const quiet = { stdout: () => undefined, stderr: () => undefined, env: {} };
    const result = await withOpenProject(quiet, project, () => cli(['info', project, '--json']));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ dir: project, title: 'The Lighthouse', aspectRatio: '16:9', panels: [{ number: 1, scene: 'a', takes: 0, activeImage: null }, { number: 2 }] });
    await cli(['info', project]);
    expect(await snapshotTree(project)).toEqual(before);
  });

  it('warns on stderr about image files missing from the folder', async () => {
    const project = await makeProject(dir, ['a']);
    await cli(['generate', project, '--yes'], { env: gatewayEnv(gateway) });
    const take = (await readProjectJson(project)).panels[0]?.takes[0];
    await rm(path.join(project, take?.image ?? ''));
    const result = await cli(['info', project]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Warning: ${take?.image} is missing (used by panel 1, take 1)`);
    expect(result.stdout).toContain('1 take');
  });

  it('names the newest backup of a damaged project.json by its path, with a restore step that works', async () => {
    const project = await makeProject(path.join(dir), ['a', 'b'], 'Film Noir');
    await writeFile(path.join(project, 'project.json'), '{"schemaVersion": 1, "title": ');
    const newest = (await readdir(path.join(project, 'backups'))).filter((name) => name.endsWith('.json')).sort().at(-1)!;

    const result = await cli(['info', project]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Castboard did not change it.');
    expect(result.stderr).not.toContain('instead?');
    expect(result.stderr).toContain(`The newest good backup is ${path.join(project, 'backups', newest)}`);
    const restore = /To restore it[^:]*: (.+)$/m.exec(result.stderr)?.[1];
    expect(restore).toBeDefined();

    const writing = await cli(['panel', 'add', project, '--scene', 'c']);
    expect(writing.code).toBe(1);
    expect(writing.stderr).toContain(`The newest good backup is ${path.join(project, 'backups', newest)}`);
    expect(writing.stderr).not.toContain('instead?');

    execFileSync('sh', ['-c', restore!]);
    const reopened = await cli(['info', project, '--json']);
    expect(reopened.code).toBe(0);
    expect(JSON.parse(reopened.stdout)).toMatchObject({ title: 'The Lighthouse' });
    const aside = (await readdir(project)).filter((name) => /^project\.before-restore-.+\.json$/.test(name));
    expect(aside).toHaveLength(1);

    // Damaged again later: the next restore keeps the earlier damaged file too (its own name, no prompt).
    await writeFile(path.join(project, 'project.json'), '{"schemaVersion": 1, "title": ');
    await new Promise((resolve) => setTimeout(resolve, 5));
    execFileSync('sh', ['-c', /To restore it[^:]*: (.+)$/m.exec((await cli(['info', project])).stderr)?.[1] ?? 'false']);
    expect((await cli(['info', project])).code).toBe(0);
    expect((await readdir(project)).filter((name) => name.startsWith('project.before-restore-'))).toHaveLength(2);
  });

  /** The open error for `project` with its project.json damaged (or deleted), as the reader gives it. */
  async function openError(project: string, damage: 'damaged' | 'deleted'): Promise<ProjectOpenError> {
    if (damage === 'deleted') await rm(path.join(project, 'project.json'));
    else await writeFile(path.join(project, 'project.json'), '{"schemaVersion": 1, "title": ');
    const error = await readProjectFolder(project).then(() => null, (caught: unknown) => caught);
    if (!(error instanceof ProjectOpenError)) throw new Error('expected the project not to open');
    return error;
  }

  it('on Windows gives move and copy with each path double-quoted (PowerShell and Command Prompt), never cp', async () => {
    const project = await makeProject(dir, ['a']);
    const error = await openError(project, 'damaged');
    const backup = error.backups[0]?.fileName ?? '';
    const root = 'C:\\Users\\Ana Lima\\Film Noir.castboard';
    const now = new Date('2026-12-01T09:30:00.000Z');
    const ending = cliBackupEnding(error, root, now, 'win32');
    expect(ending).toContain(`The newest good backup is ${root}\\backups\\${backup}`);
    expect(ending).toContain(
      `run these two commands, one after the other (PowerShell or Command Prompt):\n  move "${root}\\project.json" "${root}\\project.before-restore-2026-12-01T09-30-00-000Z.json"\n  copy "${root}\\backups\\${backup}" "${root}\\project.json"`,
    );
    expect(ending).not.toMatch(/\b(cp|mv)\b|'/);
    // No project.json left: one copy, the same words in both shells.
    expect(cliBackupEnding(await openError(project, 'deleted'), root, new Date(), 'win32')).toMatch(
      new RegExp(`To restore it, copy it in as project\\.json: copy "[^"]+\\\\backups\\\\${backup.replace(/\./g, '\\.')}" "[^"]+\\\\project\\.json"$`),
    );
  });

  it("on Windows, a path PowerShell or Command Prompt would expand ($, %, [ ]) gets PowerShell's literal form", async () => {
    const project = await makeProject(dir, ['a']);
    const error = await openError(project, 'damaged');
    const backup = error.backups[0]?.fileName ?? '';
    const root = "D:\\Boards $5 [draft] 100%\\Rosa's.castboard";
    expect(cliBackupEnding(error, root, new Date('2026-12-01T09:30:00.000Z'), 'win32')).toContain(
      `Move-Item -LiteralPath 'D:\\Boards $5 [draft] 100%\\Rosa''s.castboard\\project.json' -Destination 'D:\\Boards $5 [draft] 100%\\Rosa''s.castboard\\project.before-restore-2026-12-01T09-30-00-000Z.json'; ` +
        `Copy-Item -LiteralPath 'D:\\Boards $5 [draft] 100%\\Rosa''s.castboard\\backups\\${backup}' -Destination 'D:\\Boards $5 [draft] 100%\\Rosa''s.castboard\\project.json' (in PowerShell)`,
    );
  });

  it('gives the copy step when project.json is gone but backups remain', async () => {
    const project = await makeProject(dir, ['a']);
    await rm(path.join(project, 'project.json'));
    const result = await cli(['info', project]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('instead?');
    const restore = /To restore it, copy it in as project\.json: (.+)$/m.exec(result.stderr)?.[1];
    execFileSync('sh', ['-c', restore!]);
    expect((await cli(['info', project])).code).toBe(0);
  });
});
