/**
 * The consistency check on real photos (the samples face-api ships, re-framed with sharp), through
 * the real worker and model: no mocked descriptors. One worker serves the whole file (the model
 * loads once); a counting wrapper shows what the cache saves.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsistencyService } from '../../../../electron/services/consistency/consistency-service';
import { createWorkerDescriber } from '../../../../electron/services/consistency/face-worker-client';
import { consistencyLabel } from '../../../../shared/domain/consistency';
import { isCastboardError } from '../../../../shared/errors';
import { makeTempDir, removeTempDirs } from '../project/fixtures';
import { sharedCountingWorker } from './counting-worker';
import { buildFaceProject } from './face-project';
import { blank, closeUp, flatIllustration, portrait, posterised, reframed } from './sample-faces';

const faces = sharedCountingWorker();
const counting = faces.describer;
afterEach(() => removeTempDirs());

// The model is real and the machine may be busy: a check of a few images can take tens of seconds.
describe('consistency check on real faces', { timeout: 120_000 }, () => {
  it('scores the re-framed, resized, recoloured reference face consistent, other people drifted, and faceless art not checked', async () => {
    const root = await makeTempDir();
    const { project, panelIds } = await buildFaceProject(root, await portrait('ada'), [
      await reframed('ada', 0),
      await reframed('ada', 1),
      await reframed('ben', 1),
      await portrait('cleo'),
      await blank(),
      await flatIllustration(),
      await posterised('ada'),
    ]);
    const service = createConsistencyService({ describer: counting });
    const progress: number[] = [];
    const results = await service.check({ root, project, onProgress: (done) => progress.push(done) });

    expect(results.map((r) => r.panelId)).toEqual(panelIds);
    expect(results.map((r) => r.status)).toEqual(['consistent', 'consistent', 'drifted', 'drifted', 'not-checked', 'not-checked', 'not-checked']);
    const [same0, same1, ben, cleo, ...faceless] = results;
    // Same face under crop, resize and colour changes: well inside the default threshold of 0.5.
    expect(same0!.distance).toBeLessThan(0.3);
    expect(same1!.distance).toBeLessThan(0.3);
    // Other people: well outside it.
    expect(ben!.distance).toBeGreaterThan(0.6);
    expect(cleo!.distance).toBeGreaterThan(0.6);
    for (const result of faceless) expect(result).toMatchObject({ distance: null, reason: 'no-face' });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('scores extreme close-ups of the reference face consistent (the face fills the frame, or only eyes to mouth show)', async () => {
    const root = await makeTempDir();
    const { project } = await buildFaceProject(root, await portrait('ada'), [await closeUp('ada', 'face'), await closeUp('ada', 'eyes'), await closeUp('ben', 'face')]);
    const results = await createConsistencyService({ describer: counting }).check({ root, project });
    expect(results.map((r) => r.status)).toEqual(['consistent', 'consistent', 'drifted']);
    expect(results[0]!.distance).toBeLessThan(0.3);
    expect(results[1]!.distance).toBeLessThan(0.5);
  });

  it('keeps descriptors in cache/faces.json: a second check asks the model nothing, a deleted cache is rebuilt', async () => {
    const root = await makeTempDir();
    const { project } = await buildFaceProject(root, await portrait('ben'), [await reframed('ben', 0), await reframed('ada', 0)]);
    const service = createConsistencyService({ describer: counting });
    faces.resetCalls();
    const first = await service.check({ root, project });
    expect(faces.calls).toBe(3);
    const cache = JSON.parse(await readFile(path.join(root, 'cache', 'faces.json'), 'utf8')) as { images: Record<string, unknown> };
    expect(Object.keys(cache.images)).toHaveLength(3);
    expect(JSON.parse(await readFile(path.join(root, 'project.json'), 'utf8').catch(() => '{}'))).not.toHaveProperty('faces');

    faces.resetCalls();
    const second = await service.check({ root, project });
    expect(faces.calls).toBe(0);
    expect(second.map((r) => r.status)).toEqual(first.map((r) => r.status));
    expect(second[0]!.distance).toBeCloseTo(first[0]!.distance!, 4);

    await rm(path.join(root, 'cache'), { recursive: true });
    faces.resetCalls();
    expect((await service.check({ root, project })).map((r) => r.status)).toEqual(['consistent', 'drifted']);
    expect(faces.calls).toBe(3);
  });

  it('uses the threshold it is given: a strict one turns the same face into a drift', async () => {
    const root = await makeTempDir();
    const { project } = await buildFaceProject(root, await portrait('ada'), [await reframed('ada', 0)]);
    const service = createConsistencyService({ describer: counting });
    const [loose] = await service.check({ root, project });
    const [strict] = await service.check({ root, project, threshold: loose!.distance! / 2 });
    expect(loose!.status).toBe('consistent');
    expect(strict).toMatchObject({ status: 'drifted', distance: loose!.distance });
  });

  it('says why a panel was not checked: no image, no character, no reference face, a missing file', async () => {
    const root = await makeTempDir();
    const built = await buildFaceProject(root, await portrait('ada'), [await reframed('ada', 0), null], { extraPanelWithoutCharacter: true });
    await rm(path.join(root, built.project.panels[0]!.takes[0]!.image));
    const service = createConsistencyService({ describer: counting });
    const results = await service.check({ root, project: built.project });
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['not-checked', 'image-unreadable'],
      ['not-checked', 'no-image'],
      ['not-checked', 'no-character'],
    ]);
    expect(await service.check({ root, project: built.project, panelIds: [] })).toEqual([]);
    const withImage = await buildFaceProject(await makeTempDir(), await blank(), [await reframed('ada', 0)]);
    const [noReferenceFace] = await service.check({ root: withImage.root, project: withImage.project });
    expect(noReferenceFace).toMatchObject({ status: 'not-checked', reason: 'no-reference-face', distance: null });
  });
  it('tells a reference image whose file is missing or damaged from a character with no reference image', async () => {
    const service = createConsistencyService({ describer: counting });
    const missing = await buildFaceProject(await makeTempDir(), await portrait('ada'), [await reframed('ada', 0)]);
    await rm(path.join(missing.root, missing.project.characters[0]!.referenceImage!));
    const damaged = await buildFaceProject(await makeTempDir(), await portrait('ada'), [await reframed('ada', 0)]);
    await writeFile(path.join(damaged.root, damaged.project.characters[0]!.referenceImage!), 'not a png');
    const none = await buildFaceProject(await makeTempDir(), await portrait('ada'), [await reframed('ada', 0)]);
    none.project.characters[0]!.referenceImage = null;

    const [gone] = await service.check({ root: missing.root, project: missing.project });
    const [broken] = await service.check({ root: damaged.root, project: damaged.project });
    const [absent] = await service.check({ root: none.root, project: none.project });
    expect(gone).toMatchObject({ status: 'not-checked', reason: 'reference-unreadable', distance: null });
    expect(broken).toMatchObject({ status: 'not-checked', reason: 'reference-unreadable', distance: null });
    expect(absent).toMatchObject({ status: 'not-checked', reason: 'no-reference', distance: null });
    // What the board's badge and the contact sheet say: the file problem, and how to fix it.
    expect(consistencyLabel(gone!)).toBe("Not checked: the character's reference image file is missing or damaged: choose the image again in the character card");
    expect(consistencyLabel(absent!)).toBe('Not checked: the character has no reference image');
  });

  it('says reference-unreadable when the reference file goes missing or is damaged after a check filled the cache', async () => {
    const service = createConsistencyService({ describer: counting });
    const built = await buildFaceProject(await makeTempDir(), await portrait('ada'), [await reframed('ada', 0), await reframed('ada', 1)]);
    const reference = path.join(built.root, built.project.characters[0]!.referenceImage!);
    const bytes = await readFile(reference);
    expect((await service.check({ root: built.root, project: built.project })).map((r) => r.status)).toEqual(['consistent', 'consistent']);

    await rm(reference);
    faces.resetCalls();
    const gone = await service.check({ root: built.root, project: built.project });
    expect(gone.map((r) => [r.status, r.reason, r.distance])).toEqual([
      ['not-checked', 'reference-unreadable', null],
      ['not-checked', 'reference-unreadable', null],
    ]);
    expect(faces.calls).toBe(0); // nothing to describe: the file is gone

    await writeFile(reference, bytes.subarray(0, bytes.length - 20)); // truncated: damaged
    const [damaged] = await service.check({ root: built.root, project: built.project });
    expect(damaged).toMatchObject({ status: 'not-checked', reason: 'reference-unreadable', distance: null });

    // The same holds for a take: a cached take whose file is gone is unreadable, not scored.
    await writeFile(reference, bytes);
    await rm(path.join(built.root, built.project.panels[1]!.takes[0]!.image));
    const restored = await service.check({ root: built.root, project: built.project });
    expect(restored.map((r) => [r.status, r.reason])).toEqual([
      ['consistent', null],
      ['not-checked', 'image-unreadable'],
    ]);
  });
});

describe('the worker', { timeout: 120_000 }, () => {
  it('keeps tfjs and the face model out of the calling thread, even after checks ran', async () => {
    const root = await makeTempDir();
    const { project } = await buildFaceProject(root, await portrait('cleo'), [await reframed('cleo', 0)]);
    const service = createConsistencyService();
    expect((await service.check({ root, project }))[0]?.status).toBe('consistent');
    await service.close();
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.filter((file) => file.includes('@tensorflow') || file.includes('face-api'))).toEqual([]);
  });

  it('reports a worker that cannot start as a clear error, and the next check starts a fresh one', async () => {
    const broken = createWorkerDescriber({ location: { bootstrap: 'throw new Error("model files missing")' } });
    const error = await broken.describe(await blank()).catch((caught: unknown) => caught);
    expect(isCastboardError(error) && error.code).toBe('CONSISTENCY_UNAVAILABLE');
    expect((error as Error).message).toMatch(/could not run: model files missing/);
    await broken.close();
  });
});
