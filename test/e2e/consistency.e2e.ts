/**
 * The consistency check through the real UI, model and worker: a project whose takes are the
 * photos face-api ships (re-framed with sharp) is checked from the toolbar; the cards show their
 * outcome, the "drifted panels" filter leaves only the drifted ones, and "Regenerate drifted"
 * opens the usual batch confirmation with their count and cost. The outcomes come back when the
 * project is reopened.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addTake, createCharacter, createPanel } from '../../shared/domain/project-edit';
import { blank, portrait, reframed } from '../electron/services/consistency/sample-faces';
import { screenshot } from './support/browser';
import { board, card, imagesLoaded, scriptDialog, useEditorRigs, type EditorRig } from './support/editor-kit';

const openEditor = useEditorRigs();

/** Ada is the character; panels 1-2 show her, 3 Ben, 4 Cleo, 5 nothing. */
async function seedFaces(rig: EditorRig): Promise<void> {
  const { workspace } = rig.harness.services;
  await scriptDialog(rig, 'chooseFolder', rig.dir);
  await workspace.create({ title: 'Night Market', aspectRatio: '16:9' });
  const reference = await workspace.importImageBytes(await portrait('ada'));
  const character = createCharacter({ name: 'Ada', description: 'short dark hair', referenceImage: reference.image });
  const takes = [await reframed('ada', 0), await reframed('ada', 1), await reframed('ben', 1), await portrait('cleo'), await blank()];
  const panels = [];
  for (const [index, bytes] of takes.entries()) {
    const imported = await workspace.importImageBytes(bytes);
    const panel = createPanel({ scenePrompt: `Ada in scene ${index + 1}`, characterId: character.id });
    panels.push(addTake(panel, { id: `take-${index + 1}`, image: imported.image, model: 'ideogram/ideogram-character', prompt: panel.scenePrompt, params: {}, costCents: 5, createdAt: new Date().toISOString(), width: imported.width, height: imported.height }));
  }
  workspace.update({ ...workspace.project(), characters: [character], panels });
  await workspace.save();
}

/** The seeded faces opened in the page and checked once: the consistency bar with its outcome. */
async function checkedBoard(rig: EditorRig): Promise<Locator> {
  await seedFaces(rig);
  const { page } = rig;
  await page.goto(rig.harness.url);
  await board(page).waitFor();
  await page.getByRole('button', { name: 'Check consistency' }).click();
  const bar = page.getByRole('region', { name: 'Consistency' });
  await expect.poll(() => bar.textContent(), { timeout: 90_000 }).toContain('2 consistent · 2 drifted · 1 not checked');
  return bar;
}

describe('consistency check', { timeout: 180_000 }, () => {
  it('checks every panel for free, badges the cards, filters the drifted ones and offers to regenerate them with the cost', async () => {
    const rig = await openEditor();
    const bar = await checkedBoard(rig);
    const { page } = rig;

    const badge = (number: number) => card(page, number).locator('[data-consistency]');
    expect(await badge(1).getAttribute('data-consistency')).toBe('consistent');
    expect(await badge(2).getAttribute('data-consistency')).toBe('consistent');
    expect(await badge(3).getAttribute('data-consistency')).toBe('drifted');
    expect(await badge(4).getAttribute('data-consistency')).toBe('drifted');
    expect(await badge(5).getAttribute('aria-label')).toContain('Not checked: no face was found');
    await imagesLoaded(page);
    await screenshot(page, 'consistency-checked-1440x900');

    // The take viewer shows the outcome of the take it shows.
    await card(page, 3).click();
    await expect.poll(() => page.locator('.inspector-preview [data-consistency]').getAttribute('data-consistency')).toBe('drifted');
    await page.keyboard.press('Escape');

    await bar.getByRole('button', { name: 'Show drifted panels only' }).click();
    await expect.poll(() => board(page).getByRole('listitem').count()).toBe(2);
    expect(await card(page, 3).count()).toBe(1);
    expect(await card(page, 4).count()).toBe(1);
    // Assistive tech hears the filtered list: 2 cards, panel 4 the second of them.
    expect(await card(page, 3).getAttribute('aria-setsize')).toBe('2');
    expect(await card(page, 4).getAttribute('aria-posinset')).toBe('2');
    await screenshot(page, 'consistency-drifted-filter-1440x900');

    await bar.getByRole('button', { name: 'Regenerate drifted (2)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Regenerate drifted panels' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole('button', { name: 'Generate 2 images ($0.10)' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await dialog.textContent()).toContain('2 panels × 1 variation = 2 images');
    await screenshot(page, 'consistency-regenerate-drifted-1440x900');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // Nothing was paid for: checking is local.
    expect(rig.harness.gateway?.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('shows the last outcomes again when the project is closed and reopened, without checking again', async () => {
    const rig = await openEditor();
    await checkedBoard(rig);
    const { page } = rig;
    const { workspace } = rig.harness.services;
    const root = workspace.root()!;
    await workspace.close();
    await workspace.openPath(root);
    await page.reload(); // a fresh window: nothing of the check is left in memory
    await board(page).waitFor();
    const bar = page.getByRole('region', { name: 'Consistency' });
    await expect.poll(() => bar.textContent(), { timeout: 15_000 }).toContain('2 consistent · 2 drifted · 1 not checked');
    expect(await card(page, 3).locator('[data-consistency]').getAttribute('data-consistency')).toBe('drifted');
    expect(await page.getByText(/Checking consistency/).count()).toBe(0);
  });

  it('at 1280 px the threshold takes typing in Chromium, fits its box, and a panel added under the filter stays in view', async () => {
    const rig = await openEditor({ width: 1280, height: 720 });
    const bar = await checkedBoard(rig);
    const { page } = rig;

    // A half-typed "0." is no number yet: the box must keep it, not snap back to 0.5 (was 0.58).
    const threshold = bar.getByLabel('Threshold');
    await threshold.click();
    await threshold.press('Control+a');
    await page.keyboard.type('0.8', { delay: 50 });
    expect(await threshold.inputValue()).toBe('0.8');
    await expect.poll(() => bar.textContent()).toContain('4 consistent · 0 drifted');
    await threshold.press('Control+a');
    await page.keyboard.type('0.15', { delay: 50 });
    expect(await bar.getByRole('alert').textContent()).toBe('The threshold goes from 0.2 to 0.9: it stays 0.8 until you type a number in that range.');
    // Room for the value beside the spinner (the box was 5.5em, about 66 px, and the spinner
    // covered "0.59"), and the bar's settings stay inside the bar.
    expect(await threshold.evaluate((input: HTMLInputElement) => input.clientWidth)).toBeGreaterThanOrEqual(80);
    const barBox = await bar.boundingBox();
    const checkBox = await bar.getByText('Check new takes').boundingBox();
    expect(checkBox && barBox && checkBox.x + checkBox.width <= barBox.x + barBox.width).toBe(true);
    await screenshot(page, 'consistency-threshold-out-of-range-1280x720');
    await threshold.press('Control+a');
    await page.keyboard.type('0.5');

    await bar.getByRole('button', { name: 'Show drifted panels only' }).click();
    await expect.poll(() => board(page).getByRole('listitem').count()).toBe(2);
    await card(page, 3).click();
    await page.keyboard.press('n');
    // The new panel 4 is shown (and in the inspector) between the drifted panels 3 and 5.
    await expect.poll(() => board(page).locator('.panel-number').allTextContents()).toEqual(['3', '4', '5']);
    expect(await page.getByRole('heading', { name: 'Panel 4' }).count()).toBe(1);
  });
});
