/**
 * Issue #5's main flow through the real UI, harness and fake gateway: create a project, cast a
 * character with a reference image, write six panels, generate them all (cost shown first), pick
 * another take, restyle two panels, reorder by drag and by keyboard, undo and redo, then reload
 * and find everything as it was left.
 */
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { activeSrc, board, card, cardsWithTakes, imagesLoaded, useEditorRigs, saved, sceneOf, scriptDialog, takeFacts } from './support/editor-kit';

const openEditor = useEditorRigs();

const SCENES = [
  'Mara steps off the night bus into the rain',
  'Close on her hand gripping a torn ticket',
  'She weaves through the crowded night market',
  'A stall owner recognises her and freezes',
  'Mara pulls her hood up and turns away',
  'Wide shot: the market lights flicker out',
];

describe('editor flow', () => {
  it('creates, casts, writes, generates, picks, restyles, reorders, undoes and survives a reload', async () => {
    const rig = await openEditor();
    const { page } = rig;
    await page.goto(rig.harness.url);

    // Create the project (main asks for the parent folder: scripted).
    await scriptDialog(rig, 'chooseFolder', rig.dir);
    await page.getByRole('button', { name: 'New project' }).click();
    // The dialog opens on the title (not on its close button): typing names the project.
    const title = page.getByLabel('Project title');
    expect(await title.evaluate((field) => field === document.activeElement)).toBe(true);
    await page.keyboard.type('Night Market');
    expect(await title.inputValue()).toBe('Night Market');
    await page.getByRole('radio', { name: /2\.39:1/ }).check();
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('button', { name: 'Add panel' }).waitFor();
    await screenshot(page, 'editor-empty-1440x900');

    // Cast a character with a reference image from the (scripted) file dialog.
    await page.getByRole('button', { name: 'Add your first character' }).click();
    await page.getByLabel('Character name').fill('Mara');
    await page.getByLabel('Character description').fill('mid-30s, short silver hair, red raincoat');
    await scriptDialog(rig, 'chooseImageFile', rig.referencePng);
    await page.getByRole('button', { name: 'Choose reference image for Mara' }).click();
    await page.getByRole('img', { name: 'Reference image of Mara' }).waitFor();

    // Six panels, each with its scene.
    for (const scene of SCENES) {
      await page.getByRole('button', { name: 'Add panel' }).click();
      await page.getByLabel('Scene', { exact: true }).fill(scene);
    }
    await expect.poll(() => board(page).getByRole('listitem').count()).toBe(6);
    expect(await sceneOf(page, 6)).toBe(SCENES[5]);

    // Generate missing: the cost is shown before anything is spent.
    await page.getByRole('button', { name: 'Generate missing' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate missing panels' });
    const confirm = dialog.getByRole('button', { name: 'Generate 6 images ($0.30)' });
    await confirm.waitFor();
    expect(await dialog.textContent()).toContain('$0.30');
    await screenshot(page, 'editor-batch-confirm');
    await confirm.click();
    await expect.poll(() => cardsWithTakes(page), { timeout: 30_000 }).toBe(6);
    await expect.poll(() => page.getByTestId('spent').textContent()).toContain('$0.30');
    await imagesLoaded(page);
    await screenshot(page, 'editor-generated-1440x900');

    // A second take for panel 1; pick it.
    await card(page, 1).click();
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    const takes = page.getByRole('region', { name: 'Takes for panel 1' });
    await expect.poll(() => takes.getByRole('button', { name: /^Take \d/ }).count(), { timeout: 20_000 }).toBe(2);
    const firstSrc = await activeSrc(page, 1);
    expect(await takes.getByRole('button', { name: 'Take 1' }).getAttribute('aria-pressed')).toBe('true');
    await takes.getByRole('button', { name: 'Take 2' }).click();
    await expect.poll(() => activeSrc(page, 1)).not.toBe(firstSrc);
    const pickedSrc = await activeSrc(page, 1);

    // Restyle panels 2 and 3 as film noir.
    await card(page, 2).click();
    await card(page, 3).click({ modifiers: ['Control'] });
    await page.getByRole('button', { name: 'Film noir' }).click();
    await page.getByRole('button', { name: 'Restyle…', exact: true }).click();
    await page.getByRole('group', { name: 'Confirm restyle' }).getByRole('button', { name: 'Restyle 2 panels' }).click();
    const takes3 = page.getByRole('region', { name: 'Takes for panel 3' });
    await expect.poll(() => takes3.getByRole('button', { name: 'Take 2, restyled from take 1' }).count(), { timeout: 20_000 }).toBe(1);
    await card(page, 2).click();
    const takes2 = page.getByRole('region', { name: 'Takes for panel 2' });
    await expect.poll(() => takes2.getByRole('button', { name: 'Take 2, restyled from take 1' }).count(), { timeout: 20_000 }).toBe(1);
    // The take viewer names what a restyle came from and the image weight it was sent with.
    await page.getByRole('button', { name: 'Compare takes' }).click();
    const viewer = page.getByRole('dialog', { name: 'Compare takes' });
    await expect.poll(() => viewer.getByRole('figure').count()).toBe(2);
    expect(await takeFacts(viewer.getByRole('figure').nth(1))).toMatchObject({ 'Restyled from': 'Take 1', Model: 'ideogram/ideogram-character-remix', 'Image weight': expect.stringMatching(/^\d+$/) });
    await page.keyboard.press('Escape');
    await imagesLoaded(page);
    await screenshot(page, 'editor-restyled-1440x900');

    // Reorder: drag panel 1 after panel 4, then Alt+Left moves it back one.
    await card(page, 1).dragTo(card(page, 4), { targetPosition: { x: 200, y: 60 } });
    await expect.poll(() => sceneOf(page, 4)).toBe(SCENES[0]);
    expect(await sceneOf(page, 1)).toBe(SCENES[1]);
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => sceneOf(page, 3)).toBe(SCENES[0]);

    // Undo both moves, redo one.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => sceneOf(page, 4)).toBe(SCENES[0]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => sceneOf(page, 1)).toBe(SCENES[0]);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => sceneOf(page, 4)).toBe(SCENES[0]);

    // Reload: everything as left (order, texts, takes, the picked take, the character).
    await saved(page);
    await page.reload();
    await board(page).waitFor();
    await expect.poll(() => board(page).getByRole('listitem').count()).toBe(6);
    expect([await sceneOf(page, 1), await sceneOf(page, 4)]).toEqual([SCENES[1], SCENES[0]]);
    await expect.poll(() => cardsWithTakes(page)).toBe(6);
    expect(await activeSrc(page, 4)).toBe(pickedSrc);
    expect(await page.getByLabel('Character name').inputValue()).toBe('Mara');
    await card(page, 2).click();
    await expect.poll(() => page.getByRole('region', { name: 'Takes for panel 2' }).getByRole('button').count()).toBe(2);
    await imagesLoaded(page);
    await screenshot(page, 'editor-after-reload-1440x900');
    await page.setViewportSize({ width: 1024, height: 700 });
    await imagesLoaded(page);
    await screenshot(page, 'editor-1024x700');

    // Closing returns to the welcome screen, which now lists the project.
    await page.getByRole('button', { name: 'Close project' }).click();
    const recent = page.getByRole('region', { name: 'Recent projects' });
    await recent.getByRole('button', { name: /Night Market/ }).waitFor();
    await screenshot(page, 'welcome-recent-1024x700');
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByRole('dialog', { name: 'New project' }).waitFor();
    await screenshot(page, 'new-project-dialog-1024x700');
  });
});
