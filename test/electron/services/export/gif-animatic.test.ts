import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGif, gifDelays } from '../../../../electron/services/export/gif-animatic';
import { cli } from '../../cli/cli-kit';
import { outPath, productionProject, type ProductionFixture } from './production-kit';

let fixture: ProductionFixture;
beforeAll(async () => {
  // The app blocks sharp's GIF loader (it never reads GIFs); this test reads its own output back.
  sharp.unblock({ operation: ['VipsForeignLoadNsgifBuffer', 'VipsForeignLoadNsgifFile'] });
  fixture = await productionProject(4, '1-3');
});
afterAll(async () => {
  sharp.block({ operation: ['VipsForeignLoadNsgifBuffer', 'VipsForeignLoadNsgifFile'] });
  await fixture.cleanup();
});

describe('animated GIF', () => {
  it('has one frame per panel, each delayed by its duration (CLI)', async () => {
    const file = outPath(fixture, 'animatic.gif');
    const result = await cli(['export', fixture.project, '--format', 'gif', '--out', file, '--width', '320']);
    expect(result.code).toBe(0);
    const meta = await sharp(await readFile(file), { animated: true }).metadata();
    expect(meta.format).toBe('gif');
    expect(meta.pages).toBe(4);
    expect(meta.delay).toEqual([1000, 1500, 2000, 2500]);
    expect(meta.width).toBe(320);
    expect(meta.pageHeight).toBe(180);
    expect(meta.loop).toBe(0);
  });

  it('shows each panel image in its frame and a grey frame for a panel without one', async () => {
    const file = outPath(fixture, 'frames.gif');
    await exportGif(fixture.input, { width: 320, aspect: 16 / 9 }, file);
    // The whole animation decoded (frames composited as a viewer shows them), one frame cut out.
    const { data, info } = await sharp(file, { animated: true }).raw().toBuffer({ resolveWithObject: true });
    const frameMean = (page: number) => {
      const sums = [0, 0, 0];
      const frameBytes = 320 * 180 * info.channels;
      for (let offset = page * frameBytes; offset < (page + 1) * frameBytes; offset += info.channels) for (let channel = 0; channel < 3; channel += 1) sums[channel]! += data[offset + channel] ?? 0;
      return sums.map((sum) => sum / (320 * 180));
    };
    const expected = async (index: number) => {
      const ref = fixture.input.panels[index]?.imagePath ?? '';
      const bytes = await fixture.input.readImage(ref);
      return (await sharp(bytes).resize(320, 180, { fit: 'cover' }).removeAlpha().stats()).channels.map((channel) => channel.mean);
    };
    for (const index of [0, 2]) {
      const [actual, wanted] = [frameMean(index), await expected(index)];
      actual.forEach((mean, channel) => expect(Math.abs(mean - (wanted[channel] ?? 0))).toBeLessThan(12));
    }
    const grey = frameMean(3);
    grey.forEach((mean) => expect(Math.abs(mean - 96)).toBeLessThan(4));
  });

  it('writes as many frames as it reports, one per panel, when consecutive panels have no take (identical grey frames)', async () => {
    const gaps = await productionProject(5, '1-2'); // panels 3-5 wait for their first take
    try {
      const file = outPath(gaps, 'gaps.gif');
      const result = await cli(['export', gaps.project, '--format', 'gif', '--out', file, '--width', '160', '--json']);
      expect(result.code).toBe(0);
      const reported = JSON.parse(result.stdout) as { panels: number; withoutImage: number[] };
      expect(reported).toMatchObject({ panels: 5, withoutImage: [3, 4, 5] });
      const meta = await sharp(await readFile(file), { animated: true }).metadata();
      expect(meta.pages).toBe(reported.panels);
      expect(meta.delay).toEqual([1000, 1500, 2000, 2500, 3000]);

      const written = await exportGif(gaps.input, { width: 160, aspect: 16 / 9 }, outPath(gaps, 'service.gif'));
      expect((await sharp(await readFile(written.file), { animated: true }).metadata()).pages).toBe(written.frames);
      expect(written.frames).toBe(5);
    } finally {
      await gaps.cleanup();
    }
  });

  it('holds a panel longer than a GIF frame allows by repeating its frame', () => {
    expect(gifDelays(3)).toEqual([3000]);
    expect(gifDelays(100)).toEqual([65_535, 34_465]);
  });
});
