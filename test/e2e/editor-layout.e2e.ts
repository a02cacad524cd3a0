/**
 * The editor at the window sizes artists use, from a small laptop (1024x640) to a large monitor
 * (2560x1440): the page never scrolls sideways, every title-bar command and every inspector field
 * can be reached (in view, not clipped by its container, its text not cut), dropdowns show their
 * longest choice in full, and the pinned Generate bar stays a sliver of the inspector. A screenshot of each size
 * lands in test-results/. Inspector sections fold and remember it across a reload.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { board, boxOf, card, imagesLoaded, openGeneratedBoard, seedProject, useEditorRigs, type Box } from './support/editor-kit';

const openEditor = useEditorRigs();

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
];

const TOOLBAR_COMMANDS = ['Undo', 'Redo', 'Add panel', 'Generate missing', 'Generate selected', 'Export', 'Close project', 'Help', 'Settings'];
const INSPECTOR_LABELS = ['Scene', 'Featured character', 'Shot type', 'Camera angle', 'Camera movement', 'Duration', 'Dialogue', 'Action', 'Notes', 'Seed', 'Style prompt', /^Strength/];
const INSPECTOR_BUTTONS = ['Take 1', 'Insert panel before', 'Insert panel after', 'Duplicate panel', 'Delete panel', 'Film noir', 'Restyle', 'Generate', 'New random seed'];


/** In view, inside `within` (1 px of rounding allowed), and its own text not cut. */
async function expectReachable(page: Page, locator: Locator, within: Box, what: string): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  const box = await boxOf(locator);
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const inside = box.left >= within.left - 1 && box.right <= within.right + 1 && box.top >= within.top - 1 && box.bottom <= within.bottom + 1;
  const onScreen = box.left >= 0 && box.right <= viewport.width + 1 && box.bottom <= viewport.height + 1;
  const uncut = await locator.evaluate((element) => element.scrollWidth <= element.clientWidth + 1);
  expect({ what, inside, onScreen, uncut, box, within }).toMatchObject({ inside: true, onScreen: true, uncut: true });
}

/** Widest option text of a <select> against the room its box leaves for text. */
async function selectFitsLongestOption(select: Locator): Promise<{ widest: number; room: number; label: string }> {
  return select.evaluate((element) => {
    const node = element as HTMLSelectElement;
    const style = getComputedStyle(node);
    const context = document.createElement('canvas').getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const options = Array.from(node.options).map((option) => option.text);
    const widths = options.map((text) => context.measureText(text).width);
    const widest = Math.max(...widths);
    const room = node.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { widest, room, label: options[widths.indexOf(widest)] ?? '' };
  });
}

describe('editor layout at real window sizes', () => {
  it.each(SIZES)('fits $width x $height with every command and field reachable', async (size) => {
    const rig = await openEditor(size);
    const page = await openGeneratedBoard(rig, 5);
    await card(page, 2).click();
    await imagesLoaded(page);

    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, body: document.body.scrollWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(widths.body).toBeLessThanOrEqual(widths.client);
    await screenshot(page, `editor-layout-${size.width}x${size.height}`);

    const titlebar = await boxOf(page.locator('header.titlebar'));
    for (const name of TOOLBAR_COMMANDS) {
      const button = page.locator('header.titlebar').getByRole('button', { name, exact: true });
      await expectReachable(page, button, titlebar, `toolbar ${name}`);
      expect(await button.getAttribute('title'), `tooltip of ${name}`).toMatch(new RegExp(`^${name}`));
    }

    const inspector = page.getByRole('complementary', { name: 'Panel inspector' });
    const inspectorBox = await boxOf(inspector);
    for (const label of INSPECTOR_LABELS) await expectReachable(page, inspector.getByLabel(label, { exact: true }), inspectorBox, `field ${String(label)}`);
    for (const name of INSPECTOR_BUTTONS) await expectReachable(page, inspector.getByRole('button', { name, exact: true }), inspectorBox, `button ${name}`);
    await expectReachable(page, inspector.getByRole('radio', { name: '4 variations' }), inspectorBox, 'variations');
    for (const label of ['Featured character', 'Shot type', 'Camera angle', 'Camera movement']) {
      const fit = await selectFitsLongestOption(inspector.getByLabel(label, { exact: true }));
      expect(fit.widest, `${label}: "${fit.label}" in ${Math.round(fit.room)} px`).toBeLessThanOrEqual(fit.room);
    }

    const bar = await boxOf(inspector.getByRole('region', { name: 'Generate panel' }));
    expect(bar.bottom - bar.top).toBeLessThanOrEqual(0.15 * (inspectorBox.bottom - inspectorBox.top));

    const sidebar = await boxOf(page.getByRole('button', { name: 'Replace reference image of Mara' }).locator('xpath=ancestor::li[1]'));
    await expectReachable(page, page.getByRole('button', { name: 'Replace reference image of Mara' }), sidebar, 'reference button');
    await expectReachable(page, page.getByLabel('Character description'), sidebar, 'character description');
    const status = await boxOf(page.locator('footer, .statusbar').first());
    expect(status.right).toBeLessThanOrEqual(size.width);
  });

  it('folds inspector sections and remembers them after a reload', async () => {
    const rig = await openEditor({ width: 1280, height: 720 });
    await seedProject(rig, 2);
    const { page } = rig;
    await page.goto(rig.harness.url);
    await board(page).waitFor();
    const inspector = page.getByRole('complementary', { name: 'Panel inspector' });
    const restyle = inspector.getByRole('button', { name: 'Restyle section' });
    expect(await restyle.getAttribute('aria-expanded')).toBe('true');
    await restyle.click();
    expect(await restyle.getAttribute('aria-expanded')).toBe('false');
    expect(await inspector.getByRole('button', { name: 'Film noir' }).count()).toBe(0);
    await page.reload();
    await board(page).waitFor();
    await card(page, 2).click();
    expect(await inspector.getByRole('button', { name: 'Restyle section' }).getAttribute('aria-expanded')).toBe('false');
    expect(await inspector.getByRole('button', { name: 'Film noir' }).count()).toBe(0);
    expect(await inspector.getByRole('button', { name: 'Panel section' }).getAttribute('aria-expanded')).toBe('true');
  });
});
