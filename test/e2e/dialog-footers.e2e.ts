/**
 * The paying and creating buttons of Generate missing and New project on a small laptop (1024x640)
 * with the longest content those dialogs show. Before, their buttons sat at the end of the
 * scrolling body: a batch with left-out panels, faceless references and a low balance pushed
 * "Generate N images ($X)" some 200 px below the window, and a long folder error pushed Create
 * project under the window's edge. They now sit in the modal's pinned footer: fully in the window
 * and in the dialog, not covered, with the body unscrolled, the price said right above; a click
 * there still pays for exactly the images confirmed (counted at the fake gateway) and still
 * creates the project; Enter in the title box still submits. Screenshots in test-results/.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createCharacter, createPanel } from '../../shared/domain/project-edit';
import { solidPng } from '../fakes/gateway/test-images';
import { screenshot } from './support/browser';
import { board, boxOf, inPlainView, scriptDialog, useEditorRigs, type EditorRig } from './support/editor-kit';

const openEditor = useEditorRigs();
const SMALL = { width: 1024, height: 640 };
const READY_SCENES = Array.from({ length: 12 }, (_, index) => `Mara crosses market row ${String.fromCharCode(65 + index)}.`);

/**
 * 12 panels ready (three characters whose solid-colour references have no face) and five left out
 * for five different reasons: each reason and each faceless reference is a line of its own.
 */
async function seedLongBatch(rig: EditorRig): Promise<void> {
  const { workspace } = rig.harness.services;
  await scriptDialog(rig, 'chooseFolder', rig.dir);
  await workspace.create({ title: 'Night Market', aspectRatio: '16:9' });
  const cast: Array<ReturnType<typeof createCharacter>> = [];
  for (const [index, name] of ['Mara', 'Ada', 'Theo'].entries()) {
    const imported = await workspace.importImageBytes(await solidPng(640, 800, { r: 40 + index * 60, g: 90, b: 200 }));
    cast.push(createCharacter({ name, description: 'red raincoat', referenceImage: imported.image }));
  }
  const unreferenced = ['Ben', 'Lio', 'Kit'].map((name) => createCharacter({ name, description: 'grey coat' }));
  const panels = [
    ...READY_SCENES.map((scenePrompt, index) => createPanel({ scenePrompt, characterId: cast[index % cast.length]!.id })),
    ...unreferenced.map((character) => createPanel({ scenePrompt: `${character.name} waits`, characterId: character.id })),
    createPanel({ scenePrompt: '', characterId: cast[0]!.id }),
    createPanel({ scenePrompt: 'An empty street', characterId: null }),
  ];
  workspace.update({ ...workspace.project(), characters: [...cast, ...unreferenced], panels });
  await workspace.save();
}

/** Fully in the window and inside the dialog (1 px of rounding), nothing drawn over it, the dialog unscrolled. */
async function expectInView(button: Locator, dialog: Locator): Promise<void> {
  expect(await dialog.evaluate((element) => element.scrollTop), 'the dialog is unscrolled').toBe(0);
  const [box, frame] = [await boxOf(button), await boxOf(dialog)];
  const inside = box.left >= frame.left - 1 && box.right <= frame.right + 1 && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1;
  expect({ box, frame, inside }).toMatchObject({ inside: true });
  expect(await inPlainView(button), `${await button.textContent()} in plain view`).toBe(true);
}

/** A click where the button is on screen: a locator's click would scroll an out-of-view button into view first. */
async function clickWhereShown(page: Page, button: Locator): Promise<void> {
  const box = await boxOf(button);
  await page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
}

describe('dialog actions pinned in view at 1024x640', { timeout: 120_000 }, () => {
  it('Generate missing with many warnings: the price and "Generate 24 images ($1.20)" are in view, and a click pays for exactly those 24', async () => {
    const rig = await openEditor(SMALL);
    await seedLongBatch(rig);
    const gateway = rig.harness.gateway!;
    gateway.setCredits(3); // the balance the app reads at start ($0.15) is short of the batch
    const { page } = rig;
    page.setDefaultTimeout(15_000);
    await page.goto(rig.harness.url);
    await board(page).waitFor();
    await expect.poll(() => page.getByTestId('balance').textContent()).toBe('Balance $0.15');
    await page.getByRole('button', { name: 'Generate missing' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate missing panels' });
    await dialog.getByRole('radio', { name: '2 per panel' }).check();
    const confirm = dialog.getByRole('button', { name: 'Generate 24 images ($1.20)' });
    await confirm.waitFor();
    await expect.poll(() => dialog.locator('[data-reference-warning] p').count(), { timeout: 90_000 }).toBe(3);
    expect(await dialog.locator('.skipped-list li').count()).toBe(5);
    expect(await dialog.getByText('Your AIgateway balance is $0.15').count()).toBe(1);
    expect(await dialog.evaluate((element) => element.scrollHeight > element.clientHeight), 'the body scrolls').toBe(true);
    await screenshot(page, 'dialog-footers-batch-1024x640');

    await expectInView(confirm, dialog);
    // What will be paid is said in plain view, right above the button that pays it.
    const price = dialog.getByText('will be charged to your AIgateway account.');
    expect(await price.textContent()).toBe('$1.20 will be charged to your AIgateway account.');
    expect(await inPlainView(price), 'the price in plain view').toBe(true);
    expect((await boxOf(price)).bottom).toBeLessThanOrEqual((await boxOf(confirm)).top);
    // The balance short of the price is said with it, however far the body is scrolled.
    const shortfall = dialog.getByText('Your AIgateway balance is $0.15');
    expect(await inPlainView(shortfall), 'the balance shortfall in plain view').toBe(true);
    expect((await boxOf(shortfall)).bottom).toBeLessThanOrEqual((await boxOf(price)).top);
    // Tab leaves the body's last field for the footer's buttons, Cancel first.
    await dialog.getByRole('radio', { name: '2 per panel' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Generate 24 images ($1.20)');

    gateway.setCredits(undefined); // topped up before confirming: every confirmed image is answered
    await clickWhereShown(page, confirm);
    await expect.poll(() => dialog.count()).toBe(0);
    // Takes kept in the project (the board at this size shows only some of its cards).
    const takes = () => rig.harness.services.workspace.project().panels.map((panel) => panel.takes.length);
    await expect.poll(() => takes().reduce((sum, count) => sum + count, 0), { timeout: 60_000 }).toBe(24);
    expect(takes()).toEqual([...READY_SCENES.map(() => 2), 0, 0, 0, 0, 0]);
    const posts = gateway.requests.filter((request) => request.method === 'POST' && request.path === '/v1/images/generations');
    const bodies = posts.map((request) => request.body as { n: number; prompt: string });
    expect(bodies.reduce((sum, body) => sum + body.n, 0), 'images requested').toBe(24);
    // Each ready panel once, no left-out panel.
    const scenes = bodies.map((body) => READY_SCENES.filter((scene) => body.prompt.includes(scene)));
    expect(scenes.every((found) => found.length === 1)).toBe(true);
    const perScene = READY_SCENES.map((scene) => bodies.filter((body) => body.prompt.includes(scene)).reduce((sum, body) => sum + body.n, 0));
    expect(perScene).toEqual(READY_SCENES.map(() => 2));
    await screenshot(page, 'dialog-footers-batch-done-1024x640');
  });

  it('New project: Create project stays in view under a title error and a long folder error; Enter and a click still create', async () => {
    const rig = await openEditor(SMALL);
    const { page } = rig;
    page.setDefaultTimeout(15_000);
    await page.goto(rig.harness.url);
    await page.getByRole('button', { name: 'New project' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    const create = dialog.getByRole('button', { name: 'Create project' });
    const title = dialog.getByLabel('Project title');

    // Enter in the empty title box: the title is asked for under it.
    await title.press('Enter');
    await dialog.getByText('Give the project a title: it names the project and its folder.').waitFor();
    await expectInView(create, dialog);

    // Enter again with a title, the folder answer a file: the long error is said in the body.
    await title.fill('Night Market');
    await scriptDialog(rig, 'chooseFolder', rig.referencePng);
    await title.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'Castboard could not create the project folder' }).waitFor();
    await screenshot(page, 'dialog-footers-new-project-error-1024x640');
    await expectInView(create, dialog);

    await scriptDialog(rig, 'chooseFolder', rig.dir);
    await clickWhereShown(page, create);
    await page.getByRole('button', { name: 'Add panel' }).waitFor();
    expect(rig.harness.services.workspace.project().title).toBe('Night Market');
  });
});
