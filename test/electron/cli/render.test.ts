/**
 * Sketch to panel from the command line: `panel add --image` and `panel image` put an artist's
 * image into a panel (free, provenance `imported`), `render` draws the character into it with
 * Character Remix against the fake gateway, and `info --json` shows both takes with their origin
 * and the link between them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { RENDER_IMAGE_WEIGHTS } from '../../../shared/generation/render-plan';
import type { FakeGateway } from '../../fakes/gateway/fake-gateway';
import { cli, gatewayEnv, imageRequests, makeProject, snapshotTree, useCliFixture } from './cli-kit';

const fixture = useCliFixture();
let gateway: FakeGateway;
let dir: string;
beforeEach(() => {
  ({ gateway, dir } = fixture);
});

/** A rough drawn elsewhere and saved as JPEG: grey lines on white. */
async function roughJpeg(name: string): Promise<string> {
  const file = path.join(dir, name);
  const stroke = (width: number, height: number) => ({ input: { create: { width, height, channels: 3 as const, background: '#444' } } });
  await sharp({ create: { width: 320, height: 180, channels: 3, background: 'white' } })
    .composite([{ ...stroke(280, 6), top: 150, left: 20 }, { ...stroke(6, 120), top: 30, left: 157 }])
    .jpeg()
    .toFile(file);
  return file;
}

interface InfoTake { id: string; origin: string; fileName?: string; model: string; sourceTakeId?: string; costCents: number; image: string; active: boolean }

async function takesOf(project: string, panel: number): Promise<InfoTake[]> {
  const info = await cli(['info', project, '--json']);
  expect(info.code).toBe(0);
  return (JSON.parse(info.stdout) as { panels: Array<{ takeList: InfoTake[] }> }).panels[panel - 1]?.takeList ?? [];
}

describe('castboard panel add --image, render, info', () => {
  it('imports a rough, renders the character into it, and info shows both with provenance', async () => {
    const project = await makeProject(dir, []);
    const added = await cli(['panel', 'add', project, '--scene', 'Mara runs up the dune at dusk', '--image', await roughJpeg('dune-rough.jpg')]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('Panel 1: "dune-rough.jpg" is its take on the board now (');

    const rendered = await cli(['render', project, '--panels', '1', '--follow', 'close', '--yes'], { env: gatewayEnv(gateway) });
    expect(rendered.code, rendered.stderr).toBe(0);

    const [imported, render] = await takesOf(project, 1);
    expect(imported).toMatchObject({ origin: 'imported', fileName: 'dune-rough.jpg', costCents: 0, active: false });
    expect(render).toMatchObject({ origin: 'generated', model: 'ideogram/ideogram-character-remix', sourceTakeId: imported?.id, costCents: 5, active: true });

    const [request] = imageRequests(gateway);
    const body = request?.body as { model: string; image: string; image_weight: number; prompt: string; character_reference_images: string[] };
    expect(body.model).toBe('ideogram/ideogram-character-remix');
    expect(body.image_weight).toBe(RENDER_IMAGE_WEIGHTS.close);
    expect(body.image).toBe(`data:image/png;base64,${(await readFile(imported?.image ?? '')).toString('base64')}`);
    expect(body.character_reference_images).toHaveLength(1);
    expect(body.prompt).toContain('Mara runs up the dune at dusk');
  });

  it('panel image puts a file into an existing panel as a new take, on the board', async () => {
    const project = await makeProject(dir, ['a', 'b']);
    const result = await cli(['panel', 'image', project, '--panel', '2', '--image', await roughJpeg('b.jpg'), '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ panel: 2, origin: 'imported', fileName: 'b.jpg' });
    expect(await takesOf(project, 2)).toEqual([expect.objectContaining({ origin: 'imported', active: true })]);
    expect(await takesOf(project, 1)).toEqual([]);
  });

  it('exports a panel whose only image was imported', async () => {
    const project = await makeProject(dir, ['a']);
    await cli(['panel', 'image', project, '--panel', '1', '--image', await roughJpeg('only.jpg')]);
    const out = path.join(dir, 'sheet.png');
    const result = await cli(['export', project, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const meta = await sharp(out).metadata();
    expect(meta.format).toBe('png');
  });

  it('refuses a file that is not an image, naming it, and changes nothing', async () => {
    const project = await makeProject(dir, ['a']);
    const svg = path.join(dir, 'layout.svg');
    await writeFile(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>');
    const before = await snapshotTree(project);
    const result = await cli(['panel', 'image', project, '--panel', '1', '--image', svg]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('layout.svg');
    expect(await snapshotTree(project)).toEqual(before);
  });

  it('render refuses a panel without an image of its own, before sending anything', async () => {
    const project = await makeProject(dir, ['a']);
    const result = await cli(['render', project, '--panels', '1', '--yes'], { env: gatewayEnv(gateway) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Panel 1 has no image to render from');
    expect(gateway.requests).toHaveLength(0);
  });

  // Render always puts its result on the board: a listed --activate would promise a choice it does not offer.
  it('does not offer --activate: its help leaves it out, and passing it is a usage error that sends and writes nothing', async () => {
    const help = await cli(['render', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('The result is put on the board');
    expect(help.stdout).not.toContain('--activate');

    const project = await makeProject(dir, []);
    await cli(['panel', 'add', project, '--scene', 'Mara at the gate', '--image', await roughJpeg('gate.jpg')]);
    const before = await snapshotTree(project);
    const result = await cli(['render', project, '--panels', '1', '--yes', '--activate'], { env: gatewayEnv(gateway) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown option "--activate"');
    expect(result.stderr).toContain('castboard render --help');
    expect(gateway.requests).toHaveLength(0);
    expect(await snapshotTree(project)).toEqual(before);
  });
});
