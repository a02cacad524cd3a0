/**
 * The artist learns at once whether the consistency check can use a reference image, through
 * the real UI, IPC, worker and model: a portrait's card says a face was found when the project
 * opens; adding a faceless image from the (scripted) file dialog to another character says no
 * face was found and what makes a good reference, and Generate missing repeats it before paying.
 * At 1280x720 the card's import button fits the card, on one line.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCharacter, createPanel } from '../../shared/domain/project-edit';
import { blank, portrait } from '../electron/services/consistency/sample-faces';
import { screenshot } from './support/browser';
import { board, scriptDialog, useEditorRigs, type EditorRig } from './support/editor-kit';

const openEditor = useEditorRigs();

async function seedPortrait(rig: EditorRig): Promise<void> {
  const { workspace } = rig.harness.services;
  await scriptDialog(rig, 'chooseFolder', rig.dir);
  await workspace.create({ title: 'Night Market', aspectRatio: '16:9' });
  const reference = await workspace.importImageBytes(await portrait('ada'));
  const ada = createCharacter({ name: 'Ada', description: 'short dark hair', referenceImage: reference.image });
  const ben = createCharacter({ name: 'Ben', description: 'grey coat' });
  const panels = [createPanel({ scenePrompt: 'Ada at the stall', characterId: ada.id }), createPanel({ scenePrompt: 'Ben runs', characterId: ben.id })];
  workspace.update({ ...workspace.project(), characters: [ada, ben], panels });
  await workspace.save();
}

describe('reference image face check', { timeout: 180_000 }, () => {
  it('says on open that a face was found, and at once that a faceless image added has none; the batch dialog repeats it', async () => {
    const rig = await openEditor({ width: 1280, height: 720 });
    await seedPortrait(rig);
    const { page } = rig;
    await page.goto(rig.harness.url);
    await board(page).waitFor();
    const cast = page.getByRole('list', { name: 'Characters' });
    const adaNote = cast.getByRole('listitem', { name: 'Ada' }).locator('[data-reference-face]');
    await expect.poll(() => adaNote.getAttribute('data-reference-face'), { timeout: 90_000 }).toBe('one-face');
    expect(await adaNote.textContent()).toBe('Face found: the consistency check can compare panels with this image.');

    // Ben has no reference yet: his button fits the narrow card at 1280 px, its label on one line.
    const cardOf = cast.getByRole('listitem', { name: 'Ben' });
    const note = cardOf.locator('[data-reference-face]');
    const button = cardOf.getByRole('button', { name: 'Choose reference image for Ben' });
    expect(await button.textContent()).toBe('Choose image');
    const [cardBox, buttonBox] = [await cardOf.boundingBox(), await button.boundingBox()];
    expect(buttonBox!.x).toBeGreaterThanOrEqual(cardBox!.x);
    expect(buttonBox!.x + buttonBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width);
    expect(await button.evaluate((element) => element.scrollWidth <= element.clientWidth && element.getClientRects().length === 1 && element.clientHeight < 2 * parseFloat(getComputedStyle(element).lineHeight))).toBe(true);

    const faceless = path.join(rig.dir, 'grey.png');
    await writeFile(faceless, await blank());
    await scriptDialog(rig, 'chooseImageFile', faceless);
    await button.click();
    await expect.poll(() => note.getAttribute('data-reference-face'), { timeout: 90_000 }).toBe('no-face');
    expect(await note.textContent()).toBe('No face was found in this image, so the consistency check cannot compare panels with it. A good reference shows one clear, front-facing face.');
    await screenshot(page, 'reference-no-face-1280x720');

    await page.getByRole('button', { name: 'Generate missing' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate missing panels' });
    await dialog.getByRole('button', { name: 'Generate 2 images ($0.10)' }).waitFor();
    expect(await dialog.locator('[data-reference-warning]').textContent()).toBe(
      "Ben's reference image shows no face, so the consistency check will not be able to check these panels. A good reference shows one clear, front-facing face. You can still generate.",
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(rig.harness.gateway?.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });
});
