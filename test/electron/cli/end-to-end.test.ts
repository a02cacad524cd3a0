/**
 * The whole CLI story against the fake gateway: init -> panels -> generate -> restyle -> export
 * -> info, in-process; then the real entry (electron/cli/castboard.ts run by tsx) as a child
 * process, to prove exit codes and the stdout/stderr split of the actual command.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeGateway } from '../../fakes/gateway/fake-gateway';
import { cli, gatewayEnv, imageRequests, readProjectJson, writeReferencePng, useCliFixture } from './cli-kit';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const fixture = useCliFixture();
let gateway: FakeGateway;
let dir: string;
beforeEach(() => {
  ({ gateway, dir } = fixture);
});

interface InfoJson {
  title: string;
  characters: Array<{ name: string; referenceImage: string }>;
  panels: Array<{ number: number; shot: string; takes: number; activeImage: string | null }>;
  spentCents: number;
  pendingJobs: number;
  imageProblems: string[];
}

describe('castboard end to end (in-process)', () => {
  it('init, add panels, generate, restyle, export, info', async () => {
    const env = gatewayEnv(gateway);
    const project = path.join(dir, 'lighthouse');
    const ref = await writeReferencePng(path.join(dir, 'mara.png'));
    expect((await cli(['init', project, '--title', 'The Lighthouse', '--character-name', 'Mara', '--character-image', ref])).code).toBe(0);
    for (const [scene, shot] of [['Mara climbs the stairs', 'WS'], ['Mara lights the lamp', 'CU'], ['The beam sweeps the sea', 'EWS']] as const) {
      expect((await cli(['panel', 'add', project, '--scene', scene, '--shot', shot, '--dialogue', 'Almost there'])).code).toBe(0);
    }
    const generated = await cli(['generate', project, '--variations', '2', '--yes'], { env });
    expect(generated.code).toBe(0);
    expect(generated.stdout).toContain('Generated: 6 images for 3 panels, spent $0.30: 6 images stored ($0.30).');
    const referenceBodies = imageRequests(gateway).map((request) => (request.body as { character_reference_images: string[] }).character_reference_images);
    expect(referenceBodies.every((refs) => refs.length === 1 && refs[0] === referenceBodies[0]?.[0])).toBe(true); // one character everywhere

    expect((await cli(['restyle', project, '--panels', '2', '--style', 'watercolor', '--yes', '--activate'], { env })).code).toBe(0);

    const sheet = path.join(dir, 'sheet.png');
    const exported = await cli(['export', project, '--out', sheet, '--columns', '3', '--captions', 'shot,dialogue']);
    expect(exported.code).toBe(0);
    const meta = await sharp(sheet).metadata();
    expect(exported.stdout).toBe(`Wrote ${sheet} (${meta.width}x${meta.height} px, 3 panels).`);

    const info = JSON.parse((await cli(['info', project, '--json'])).stdout) as InfoJson;
    expect(info).toMatchObject({ title: 'The Lighthouse', spentCents: 35, pendingJobs: 0, imageProblems: [] });
    expect(info.characters[0]?.name).toBe('Mara');
    expect(info.panels.map((panel) => [panel.number, panel.shot, panel.takes])).toEqual([[1, 'WS', 2], [2, 'CU', 3], [3, 'EWS', 2]]);
    const json = await readProjectJson(project);
    expect(info.panels[1]?.activeImage).toBe(path.join(project, json.panels[1]?.takes[2]?.image ?? '')); // the restyled take
    const text = await cli(['info', project]);
    expect(text.stdout).toContain('Panels:     3 (3 with an image, 0 without)');
    expect(text.stdout).toContain('Spent:      $0.35');
  });
});

function runEntry(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/castboard.ts', ...args],
      { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('castboard as a child process (the real entry)', () => {
  it('exits 0/1/2 with results on stdout and progress and errors on stderr', async () => {
    const project = path.join(dir, 'child');
    const ref = await writeReferencePng(path.join(dir, 'ref.png'));
    const init = await runEntry(['init', project, '--title', 'Child', '--character-name', 'Ada', '--character-image', ref]);
    expect(init).toMatchObject({ code: 0, stdout: `Created "Child" in ${project} (16:9, character Ada with a reference image).\n` });
    await runEntry(['panel', 'add', project, '--scene', 'Ada waves']);

    const refused = await runEntry(['generate', project], gatewayEnv(gateway)); // stdin is not a terminal
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('pass --yes');

    const generated = await runEntry(['generate', project, '--yes', '--json'], gatewayEnv(gateway));
    expect(generated.code).toBe(0);
    expect(JSON.parse(generated.stdout)).toMatchObject({ images: 1, spentCents: 5 }); // stdout is only the result
    expect(generated.stderr).toContain('panel 1: done (1 image)');

    const failed = await runEntry(['info', path.join(dir, 'nowhere')]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toContain('does not exist');
  }, 60_000);
});
