import { beforeEach, describe, expect, it } from 'vitest';
import { STYLE_PRESETS } from '../../../shared/domain/style-presets';
import type { FakeGateway } from '../../fakes/gateway/fake-gateway';
import { cli, gatewayEnv, imageRequests, makeProject, readProjectJson, snapshotTree, useCliFixture } from './cli-kit';

const fixture = useCliFixture();
let gateway: FakeGateway;
let dir: string;
beforeEach(() => {
  ({ gateway, dir } = fixture);
});

async function generatedProject(scenes: string[]): Promise<string> {
  const project = await makeProject(dir, scenes);
  const generated = await cli(['generate', project, '--yes'], { env: gatewayEnv(gateway) });
  if (generated.code !== 0) throw new Error(generated.stderr);
  gateway.reset();
  return project;
}

describe('castboard restyle', () => {
  it('restyles the active takes with the remix model and keeps the originals', async () => {
    const project = await generatedProject(['a', 'b']);
    const before = await readProjectJson(project);
    const result = await cli(['restyle', project, '--panels', '2', '--style', 'film-noir', '--strength', '70', '--yes'], { env: gatewayEnv(gateway) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Panel 2: 1 new take');
    expect(result.stdout).toContain('Restyled: 1 image for 1 panel, spent $0.05: 1 image stored ($0.05).');
    const [request] = imageRequests(gateway);
    const body = request?.body as { model: string; image_weight: number; prompt: string; image: string };
    expect(body.model).toBe('ideogram/ideogram-character-remix');
    expect(body.image_weight).toBe(70);
    expect(body.prompt).toContain(STYLE_PRESETS.find((preset) => preset.id === 'film-noir')?.prompt);
    expect(body.image).toMatch(/^data:image\/png;base64,/);
    const after = await readProjectJson(project);
    const panel = after.panels[1] as unknown as { takes: Array<{ id: string; sourceTakeId?: string }>; activeTakeId: string };
    expect(panel.takes).toHaveLength(2);
    expect(panel.takes[1]?.sourceTakeId).toBe(before.panels[1]?.activeTakeId);
    expect(panel.activeTakeId).toBe(before.panels[1]?.activeTakeId); // the original stays on the panel
  });

  it('--activate puts the restyled take on the panel', async () => {
    const project = await generatedProject(['a']);
    await cli(['restyle', project, '--panels', '1', '--style', 'ink wash', '--yes', '--activate'], { env: gatewayEnv(gateway) });
    const panel = (await readProjectJson(project)).panels[0];
    expect(panel?.activeTakeId).toBe(panel?.takes[1]?.id);
  });

  it.each([
    [['--style', 'ink'], '--panels is required'],
    [['--panels', '1'], '--style is required'],
    [['--panels', '1', '--style', 'ink', '--strength', '0'], '--strength must be a whole number from 1 to 100'],
    [['--panels', '3', '--style', 'ink'], 'There is no panel 3: this project has panels 1-2'],
  ])('exits 2 on %j, sending and writing nothing', async (extra, message) => {
    const project = await generatedProject(['a', 'b']);
    const before = await snapshotTree(project);
    const result = await cli(['restyle', project, '--yes', ...extra], { env: gatewayEnv(gateway) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(gateway.requests).toHaveLength(0);
    expect(await snapshotTree(project)).toEqual(before);
  });

  it('exits 1 before asking when a panel has no image to restyle', async () => {
    const project = await makeProject(dir, ['a']);
    const result = await cli(['restyle', project, '--panels', '1', '--style', 'ink'], { env: gatewayEnv(gateway), typed: 'y\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Panel 1 has no image to restyle yet');
    expect(result.stderr).not.toContain('[y/N]');
    expect(gateway.requests).toHaveLength(0);
  });

  it('refuses without --yes when not on a terminal, and --dry-run states the cost', async () => {
    const project = await generatedProject(['a', 'b']);
    const refused = await cli(['restyle', project, '--panels', '1-2', '--style', 'ink', '--variations', '2'], { env: gatewayEnv(gateway) });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('4 images (2 panels, 2 variations each) for $0.20');
    const dry = await cli(['restyle', project, '--panels', '1-2', '--style', 'ink', '--dry-run']);
    expect(dry.stdout).toBe('Would restyle 2 images (one per panel) for $0.10 at $0.05 per image. Nothing was sent.');
    expect(gateway.requests).toHaveLength(0);
  });
});
