/**
 * An image file damaged in place (same size, bytes changed: disk or sync-tool corruption) is
 * repaired when the same image enters the project again: its name says what it must hold, so the
 * good bytes are written over it. Before, a file of the right size was trusted as it was, and
 * choosing the original reference again (what the error message asks) changed nothing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeGateway } from '../../../fakes/gateway/fake-gateway';
import { cli, gatewayEnv, makeProject, readProjectJson, tempDir } from '../../cli/cli-kit';

describe('a reference image damaged in place', () => {
  it('choosing the same file again repairs it, and the panel can be generated', async () => {
    const gateway = await startFakeGateway();
    const temp = await tempDir();
    try {
      const dir = await makeProject(temp.dir, ['one']);
      const saved = (await readProjectJson(dir)) as unknown as { characters: Array<{ referenceImage: string }> };
      const file = path.join(dir, saved.characters[0]?.referenceImage ?? '');
      const good = await readFile(file);
      const damaged = Buffer.from(good);
      const middle = Math.floor(damaged.length / 2);
      damaged[middle] = (damaged[middle] ?? 0) ^ 0xff;
      await writeFile(file, damaged);

      const refused = await cli(['generate', dir, '--yes'], { env: gatewayEnv(gateway) });
      expect(refused.stderr).toContain("reference image is not a readable PNG, JPEG or WebP image. Replace it");
      expect(gateway.posts).toBe(0);

      expect((await cli(['character', 'set', dir, '--image', path.join(temp.dir, 'film-ref.png')])).code).toBe(0);
      expect(Buffer.compare(await readFile(file), good)).toBe(0);
      const run = await cli(['generate', dir, '--yes'], { env: gatewayEnv(gateway) });
      expect(run.code).toBe(0);
      expect(gateway.posts).toBe(1);
      expect((await readProjectJson(dir)).panels[0]?.takes).toHaveLength(1);
    } finally {
      await gateway.close();
      await temp.cleanup();
    }
  }, 60_000);
});
