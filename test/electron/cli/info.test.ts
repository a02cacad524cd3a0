import { rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { withOpenProject } from '../../../electron/cli/cli-project';
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
});
