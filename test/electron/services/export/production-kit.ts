/**
 * A production project for the format tests, made the way an artist makes one: `castboard init`,
 * `panel add` with dialogue, shot and duration, and `generate` against the fake gateway with a
 * fixed seed, so panel colours are the same every run (some panels left without an image). Also
 * reads it back as the exports see it.
 */
import path from 'node:path';
import { expect } from 'vitest';
import { readProject } from '../../../../electron/cli/cli-project';
import { productionInput, type ProductionInput } from '../../../../electron/services/export/production-input';
import { startFakeGateway } from '../../../fakes/gateway/fake-gateway';
import { cli, gatewayEnv, makeProject, tempDir } from '../../cli/cli-kit';

export interface ProductionFixture {
  dir: string;
  project: string;
  input: ProductionInput;
  cleanup: () => Promise<void>;
}

/** `panels` panels (durations 1, 1.5, 2, 2.5...; Unicode dialogue); `generate` = 1-based numbers given an image. */
export async function productionProject(panels: number, generate: string): Promise<ProductionFixture> {
  const gateway = await startFakeGateway();
  const { dir, cleanup } = await tempDir();
  try {
    const project = await makeProject(dir, []);
    for (let index = 0; index < panels; index += 1) {
      const added = await cli(['panel', 'add', project, '--scene', `Shot ${index + 1} on the cliff`, '--dialogue', `Line ${index + 1}: “Ça va, Mara?” — she nods`, '--duration', String(1 + index * 0.5), '--shot', index % 2 ? 'CU' : 'WS']);
      expect(added.code).toBe(0);
    }
    const generated = await cli(['generate', project, '--panels', generate, '--seed', '7', '--yes'], { env: gatewayEnv(gateway) });
    expect(generated.code).toBe(0);
    const { root, project: doc } = await readProject(project);
    return { dir, project, input: productionInput(root, doc, undefined, new Date('2026-03-14T12:00:00Z')), cleanup };
  } finally {
    await gateway.close();
  }
}

export const outPath = (fixture: ProductionFixture, name: string): string => path.join(fixture.dir, name);

/**
 * The panels of a project made with `castboard init` and one `panel add --dialogue` per entry of
 * `dialogues` (no images), as the exports read them.
 */
export async function dialoguePanels(dialogues: readonly string[]): Promise<ProductionInput['panels']> {
  const { dir, cleanup } = await tempDir();
  try {
    const project = await makeProject(dir, []);
    for (const dialogue of dialogues) {
      const added = await cli(['panel', 'add', project, '--scene', 'The quay', '--dialogue', dialogue]);
      expect(added.code, added.stderr).toBe(0);
    }
    const { root, project: doc } = await readProject(project);
    return productionInput(root, doc, undefined, new Date()).panels;
  } finally {
    await cleanup();
  }
}
