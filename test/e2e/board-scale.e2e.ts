/**
 * A 500-panel board in real Chromium. The board renders only the rows in view, so these tests
 * assert what the artist and assistive tech depend on, not how many cards are in the DOM: every
 * card announces the whole count (aria-setsize 500) and its place, scrolling reaches the last
 * panel, the keyboard reaches panel 500 and leaves it focused and in view, cards far down the
 * board stay editable and can be dragged into a new place.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { board, card, sceneOf, seedProject, useEditorRigs } from './support/editor-kit';

const openEditor = useEditorRigs();

const scroller = (page: Page) => page.locator('.board-scroll');

/** The card is fully inside the board's scrolled area (what the artist can see). */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const [box, area] = await Promise.all([locator.boundingBox(), scroller(page).boundingBox()]);
  if (!box || !area) return false;
  return box.y >= area.y - 1 && box.y + box.height <= area.y + area.height + 1 && box.x >= area.x - 1 && box.x + box.width <= area.x + area.width + 1;
}

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

async function openBoard(panels: number): Promise<Page> {
  const rig = await openEditor();
  await seedProject(rig, panels);
  const { page } = rig;
  await page.goto(rig.harness.url);
  await board(page).waitFor();
  return page;
}

async function expectFocusedInView(page: Page, number: number): Promise<void> {
  const target = card(page, number);
  await expect.poll(() => isFocused(target), { message: `panel ${number} focused` }).toBe(true);
  await expect.poll(() => inView(page, target), { message: `panel ${number} in view` }).toBe(true);
  expect(await target.getAttribute('aria-current')).toBe('true');
}

describe('a 500-panel board', () => {
  it('announces all 500, scrolls to the last panel, and keeps far panels editable', async () => {
    const page = await openBoard(500);
    const items = board(page).getByRole('listitem');
    await expect.poll(() => items.first().getAttribute('aria-setsize')).toBe('500');
    const rendered = await items.count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    expect(await card(page, 1).getAttribute('aria-posinset')).toBe('1');

    const area = await scroller(page).boundingBox();
    if (!area) throw new Error('the board is not on screen');
    await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
    await page.mouse.wheel(0, 1_000_000);
    await expect.poll(() => inView(page, card(page, 500)), { timeout: 10_000 }).toBe(true);
    expect(await card(page, 500).getAttribute('aria-posinset')).toBe('500');
    expect(await card(page, 500).getAttribute('aria-setsize')).toBe('500');
    expect(await items.count()).toBeLessThan(100);
    await screenshot(page, 'board-500-panels-end-1440x900');

    await card(page, 499).click();
    await page.getByLabel('Scene', { exact: true }).fill('The last-but-one shot, rewritten');
    await expect.poll(() => sceneOf(page, 499)).toBe('The last-but-one shot, rewritten');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Panel 499' }).waitFor();
  });

  it('reaches panel 500 from the keyboard, focused and in view, and back to panel 1', async () => {
    const page = await openBoard(500);
    await card(page, 1).click();
    await expectFocusedInView(page, 1);
    const columns = Number(await board(page).getAttribute('data-columns'));
    expect(columns).toBeGreaterThan(1);

    // Ten rows down is past the rows first rendered: each step brings its card into view.
    for (let row = 1; row <= 10; row += 1) await page.keyboard.press('ArrowDown');
    await expectFocusedInView(page, 1 + 10 * columns);

    await page.keyboard.press('End');
    await expectFocusedInView(page, 500);
    await page.keyboard.press('ArrowLeft');
    await expectFocusedInView(page, 499);
    await page.getByRole('heading', { name: 'Panel 499' }).waitFor();

    await page.keyboard.press('Home');
    await expectFocusedInView(page, 1);
    // Tab leaves the board and Shift+Tab comes back to the focused card (roving tab stop).
    await page.keyboard.press('Tab');
    expect(await isFocused(card(page, 1))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await isFocused(card(page, 1))).toBe(true);
  });

  it('follows the window width: fewer columns, rows that never overlap, the focused card still in view', async () => {
    const page = await openBoard(500);
    await card(page, 1).click();
    for (let step = 0; step < 40; step += 1) await page.keyboard.press('ArrowRight');
    await expectFocusedInView(page, 41);
    const wide = Number(await board(page).getAttribute('data-columns'));

    await page.setViewportSize({ width: 1024, height: 640 });
    await expect.poll(async () => Number(await board(page).getAttribute('data-columns'))).toBeLessThan(wide);
    await expectFocusedInView(page, 41);
    const boxes = await board(page)
      .getByRole('listitem')
      .evaluateAll((cards) => cards.map((element) => element.getBoundingClientRect()).map(({ left, top, right, bottom }) => ({ left, top, right, bottom })));
    const overlapping = boxes.filter((a, i) => boxes.some((b, j) => i !== j && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom));
    expect(overlapping).toEqual([]);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.keyboard.press('ArrowDown');
    await expectFocusedInView(page, 41 + Number(await board(page).getAttribute('data-columns')));
  });

  it('reorders by dragging far down the board', async () => {
    const page = await openBoard(500);
    await card(page, 1).click();
    await page.keyboard.press('End');
    await expectFocusedInView(page, 500);
    const moving = await sceneOf(page, 497);
    // Drop on the right half of panel 499: panel 497 lands after it.
    const target = await card(page, 499).boundingBox();
    if (!target) throw new Error('panel 499 is not on screen');
    await card(page, 497).dragTo(card(page, 499), { targetPosition: { x: target.width - 10, y: target.height / 2 } });
    await expect.poll(() => sceneOf(page, 499)).toBe(moving);
    expect(await sceneOf(page, 497)).toBe('Mara in scene 498');
    expect(await sceneOf(page, 498)).toBe('Mara in scene 499');
  });
});
