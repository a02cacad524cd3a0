/**
 * What the model reads, for a project made by the CLI itself: the dry-run bodies are the bodies
 * sent over HTTP (field by field), a take keeps the prompt it was made with, and a panel set to
 * "No character" is skipped with its reason before anything is spent.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeGateway } from '../../fakes/gateway/fake-gateway';
import { cli, gatewayEnv, imageRequests, readProjectJson, snapshotTree, useCliFixture, writeReferencePng } from './cli-kit';

const fixture = useCliFixture();
let gateway: FakeGateway;
let dir: string;
beforeEach(() => {
  ({ gateway, dir } = fixture);
});

async function run(argv: string[], env: Record<string, string> = {}): Promise<string> {
  const result = await cli(argv, { env });
  if (result.code !== 0) throw new Error(`castboard ${argv.join(' ')} failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}

/** Mara's project: one close-up, low angle, handheld, with dialogue and action; Ideogram controls set. */
async function maraProject(): Promise<string> {
  const project = path.join(dir, 'mara');
  const ref = await writeReferencePng(path.join(dir, 'mara.png'));
  await run(['init', project, '--title', 'The Lighthouse', '--character-name', 'Mara', '--character-description', 'a lighthouse keeper in a red raincoat', '--character-image', ref]);
  await run(['panel', 'add', project, '--shot', 'CU', '--angle', 'LOW', '--movement', 'HANDHELD', '--scene', 'Mara lights the lamp,  rain on the glass', '--dialogue', 'Almost there', '--action', 'She shields the match.']);
  await run(['style', 'set', project, '--style-type', 'REALISTIC', '--rendering-speed', 'QUALITY', '--magic-prompt', 'OFF']);
  return project;
}

interface DryRun {
  requests: Array<{ panel: number; body: Record<string, unknown> }>;
  skipped: Array<{ panel: number; reason: string }>;
  images: number;
}

async function dryRun(project: string, extra: string[] = []): Promise<DryRun> {
  return JSON.parse(await run(['generate', project, '--dry-run', '--json', ...extra])) as DryRun;
}

describe('prompts built from a project made by the CLI', () => {
  it('phrases a CU/LOW/HANDHELD panel in words, keeps the artist\'s words and never sends the dialogue', async () => {
    const [request] = (await dryRun(await maraProject())).requests;
    expect(request?.body.prompt).toBe(
      'Close-up, low angle, handheld camera. Mara lights the lamp, rain on the glass. She shields the match. Character: Mara, a lighthouse keeper in a red raincoat.',
    );
    expect(String(request?.body.prompt)).not.toContain('Almost there');
    expect(String(request?.body.prompt)).not.toMatch(/\b(CU|LOW|HANDHELD)\b/);
  });

  it('sends over HTTP exactly the body the dry run printed, field by field, and the take keeps its prompt', async () => {
    const project = await maraProject();
    const [planned] = (await dryRun(project, ['--seed', '77'])).requests;
    const result = await cli(['generate', project, '--seed', '77', '--yes'], { env: gatewayEnv(gateway) });
    expect(result.code).toBe(0);
    const [sent] = imageRequests(gateway);
    const body = sent?.body as Record<string, unknown>;
    expect(body.model).toBe('ideogram/ideogram-character');
    expect(body.prompt).toBe(planned?.body.prompt);
    expect(body.n).toBe(1);
    expect(body.size).toBe('1312x736');
    expect(body.seed).toBe(77);
    expect(body.magic_prompt).toBe('OFF');
    expect(body.style_type).toBe('REALISTIC');
    expect(body.rendering_speed).toBe('QUALITY');
    expect(body.response_format).toBe('b64_json');
    expect(body.negative_prompt).toBeUndefined();
    expect(body.color_palette).toBeUndefined();
    expect((body.character_reference_images as string[])[0]).toMatch(/^data:image\/png;base64,/);
    // Everything but the image bytes is what the dry run (and the app's preview) showed.
    expect({ ...body, character_reference_images: planned?.body.character_reference_images }).toEqual(planned?.body);
    const take = (await readProjectJson(project)).panels[0]?.takes[0] as unknown as { prompt: string; params: Record<string, unknown> };
    expect(take.prompt).toBe(body.prompt);
    expect(take.params).toMatchObject({ magic_prompt: 'OFF', style_type: 'REALISTIC', rendering_speed: 'QUALITY', seed: 77 });
  });

  it('editing the character description changes the next prompt, not the prompts earlier takes keep', async () => {
    const project = await maraProject();
    expect((await cli(['generate', project, '--yes'], { env: gatewayEnv(gateway) })).code).toBe(0);
    const before = (await readProjectJson(project)).panels[0]?.takes[0] as unknown as { prompt: string };
    await run(['character', 'set', project, '--description', 'a retired sailor with a grey beard']);
    const [next] = (await dryRun(project)).requests;
    expect(next?.body.prompt).toContain('Character: Mara, a retired sailor with a grey beard.');
    const after = (await readProjectJson(project)).panels[0]?.takes[0] as unknown as { prompt: string };
    expect(after.prompt).toBe(before.prompt);
    expect(after.prompt).toContain('a lighthouse keeper in a red raincoat');
  });

  it('style set sends a palette as Ideogram names it, and refuses a bad one without changing anything', async () => {
    const project = await maraProject();
    await run(['style', 'set', project, '--palette', '#1e3a5f, #F2C14E', '--negative', 'text, watermark']);
    const [request] = (await dryRun(project)).requests;
    expect(request?.body).toMatchObject({ color_palette: { members: [{ color_hex: '#1E3A5F' }, { color_hex: '#F2C14E' }] }, negative_prompt: 'text, watermark' });
    const before = await snapshotTree(project);
    const bad = await cli(['style', 'set', project, '--palette', 'NEON']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--palette must be one of EMBER');
    expect(await snapshotTree(project)).toEqual(before);
  });

  it('skips a "No character" panel with the reason before spending, and sends only the others', async () => {
    const project = await maraProject();
    await run(['panel', 'add', project, '--scene', 'The empty lighthouse at dawn', '--shot', 'EWS']);
    const json = await readProjectJson(project);
    const panels = json.panels as unknown as Array<Record<string, unknown>>;
    panels[1] = { ...panels[1], characterId: null };
    await writeFile(path.join(project, 'project.json'), JSON.stringify(json));

    const planned = await dryRun(project);
    expect(planned.skipped).toEqual([{ panel: 2, reason: expect.stringContaining('No character') }]);
    expect(planned.requests.map((request) => request.panel)).toEqual([1]);
    expect(planned.images).toBe(1);

    const result = await cli(['generate', project, '--yes'], { env: gatewayEnv(gateway) });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Panel 2 skipped. No character');
    expect(imageRequests(gateway)).toHaveLength(1);

    const only = await cli(['generate', project, '--panels', '2', '--yes'], { env: gatewayEnv(gateway) });
    expect(only.code).toBe(1);
    expect(only.stderr).toContain('nothing was sent and nothing was charged');
    expect(imageRequests(gateway)).toHaveLength(1);
  });
});
