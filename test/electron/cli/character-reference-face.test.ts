/**
 * `castboard character set` says whether the consistency check can use the character's reference
 * image, with the verdict and words of the app's character card (consistency:referenceFace), from
 * the same detection and cache: real photos (face-api's samples, cropped with sharp), the real
 * worker and model.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConsistencyService } from '../../../electron/services/consistency/consistency-service';
import { referenceFaceMessage } from '../../../shared/domain/reference-face';
import { blank, portrait, twoPeople } from '../services/consistency/sample-faces';
import { cli, readProjectJson, useCliFixture } from './cli-kit';

const fixture = useCliFixture();

async function file(name: string, bytes: Buffer): Promise<string> {
  await writeFile(path.join(fixture.dir, name), bytes);
  return path.join(fixture.dir, name);
}

const referenceOf = async (project: string) => ((await readProjectJson(project)) as unknown as { characters: Array<{ referenceImage: string }> }).characters[0]!.referenceImage;

// The model is real and the machine may be busy: a few detections can take tens of seconds.
describe('castboard character set: can the consistency check use the reference image?', { timeout: 120_000 }, () => {
  it('says one face, no face, or several faces and which one is used, in the card\'s words, plain and --json', async () => {
    const project = path.join(fixture.dir, 'film');
    expect((await cli(['init', project, '--title', 'Faces'])).code).toBe(0);

    const one = await cli(['character', 'set', project, '--name', 'Ada', '--image', await file('ada.png', await portrait('ada'))]);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe('Character: Ada (with a reference image).\nFace found: the consistency check can compare panels with this image.');
    // The app asks the same service for the card: same verdict, same words (and now from the cache).
    const service = createConsistencyService();
    const card = await service.referenceFace(project, await referenceOf(project));
    await service.close();
    expect(card).toEqual({ verdict: 'one-face', faces: 1, chosen: 'centre' });
    expect(one.stdout.split('\n')[1]).toBe(referenceFaceMessage(card));

    const none = await cli(['character', 'set', project, '--image', await file('blank.png', await blank()), '--json']);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toMatchObject({
      name: 'Ada',
      referenceFace: { verdict: 'no-face', faces: 0, chosen: null, message: 'No face was found in this image, so the consistency check cannot compare panels with it. A good reference shows one clear, front-facing face.' },
    });

    const several = await cli(['character', 'set', project, '--image', await file('two.png', await twoPeople('ada', 'ben'))]);
    expect(several.stdout.split('\n')[1]).toBe('2 faces were found: the consistency check will use the largest one, on the left. A good reference shows one clear, front-facing face.');
  });

  it('says so when the reference image file is gone, with the command that fixes it, and still saves the change', async () => {
    const project = path.join(fixture.dir, 'film');
    expect((await cli(['init', project, '--title', 'Faces'])).code).toBe(0);
    expect((await cli(['character', 'set', project, '--name', 'Ada', '--image', await file('blank.png', await blank())])).code).toBe(0);
    await rm(path.join(project, await referenceOf(project)));

    const shown = await cli(['character', 'set', project, '--description', 'red coat', '--json']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      description: 'red coat',
      referenceFace: { verdict: 'unreadable', message: `This image cannot be read, so the consistency check cannot use it. Choose the image again. Run: castboard character set ${project} --character Ada --image <file>` },
    });
    expect(((await readProjectJson(project)) as unknown as { characters: Array<{ description: string }> }).characters[0]!.description).toBe('red coat');
  });
});
