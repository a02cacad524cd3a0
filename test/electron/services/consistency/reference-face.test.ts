/**
 * Whether the consistency check can use a reference image, said when the artist adds it: real
 * photos (the samples face-api ships, cropped and combined with sharp) through the real worker
 * and model. The verdict is the check's own detection: it is cached for the later check (one
 * detection per image), and a check running at the same time waits for it instead of repeating it.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsistencyService } from '../../../../electron/services/consistency/consistency-service';
import { referenceFaceMessage } from '../../../../shared/domain/reference-face';
import { createImageStore } from '../../../../electron/services/project/image-store';
import { makeTempDir, removeTempDirs } from '../project/fixtures';
import { sharedCountingWorker } from './counting-worker';
import { buildFaceProject } from './face-project';
import { blank, portrait, reframed, twoPeople } from './sample-faces';

const faces = sharedCountingWorker();
const counting = faces.describer;
afterEach(() => removeTempDirs());

async function stored(bytes: Buffer): Promise<{ root: string; image: string }> {
  const root = await makeTempDir();
  return { root, image: await createImageStore(root).put(bytes) };
}

// The model is real and the machine may be busy: a few detections can take tens of seconds.
describe('reference face verdicts', { timeout: 120_000 }, () => {
  it('one face, no face, several faces (names the one the check uses), unreadable', async () => {
    const service = createConsistencyService({ describer: counting });
    const verdict = async (bytes: Buffer) => {
      const { root, image } = await stored(bytes);
      return service.referenceFace(root, image);
    };
    expect(await verdict(await portrait('ada'))).toEqual({ verdict: 'one-face', faces: 1, chosen: 'centre' });
    expect(await verdict(await blank())).toEqual({ verdict: 'no-face', faces: 0, chosen: null });
    const two = await verdict(await twoPeople('ada', 'ben'));
    expect(two).toEqual({ verdict: 'several-faces', faces: 2, chosen: 'left' });
    expect(referenceFaceMessage(two)).toBe('2 faces were found: the consistency check will use the largest one, on the left. A good reference shows one clear, front-facing face.');

    const damaged = await stored(await portrait('ben'));
    await writeFile(path.join(damaged.root, damaged.image), 'not a png');
    expect(await service.referenceFace(damaged.root, damaged.image)).toEqual({ verdict: 'unreadable', faces: 0, chosen: null });
    const gone = await makeTempDir();
    expect(await service.referenceFace(gone, `images/${'a'.repeat(64)}.png`)).toEqual({ verdict: 'unreadable', faces: 0, chosen: null });
  });

  it('agrees with the check: a faceless reference is what leaves every panel "not checked"', async () => {
    const service = createConsistencyService({ describer: counting });
    const { root, project } = await buildFaceProject(await makeTempDir(), await blank(), [await reframed('ada', 0)]);
    expect((await service.referenceFace(root, project.characters[0]!.referenceImage!)).verdict).toBe('no-face');
    expect((await service.check({ root, project }))[0]).toMatchObject({ status: 'not-checked', reason: 'no-reference-face' });
  });

  it('detects the reference once: the later check reuses it, and a check at the same time waits for it', async () => {
    const later = await buildFaceProject(await makeTempDir(), await portrait('cleo'), [await reframed('cleo', 0)]);
    const service = createConsistencyService({ describer: counting });
    faces.resetCalls();
    expect((await service.referenceFace(later.root, later.project.characters[0]!.referenceImage!)).verdict).toBe('one-face');
    expect(faces.calls).toBe(1);
    expect((await service.check({ root: later.root, project: later.project }))[0]?.status).toBe('consistent');
    expect(faces.calls).toBe(2); // the take only

    const together = await buildFaceProject(await makeTempDir(), await portrait('ben'), [await reframed('ben', 0)]);
    faces.resetCalls();
    const [face, results] = await Promise.all([
      service.referenceFace(together.root, together.project.characters[0]!.referenceImage!),
      service.check({ root: together.root, project: together.project }),
    ]);
    expect(face.verdict).toBe('one-face');
    expect(results[0]?.status).toBe('consistent');
    expect(faces.calls).toBe(2); // the reference once, the take once
  });
});
