/**
 * Comparing takes through the real UI (issue #12): the take viewer shows a panel's takes large,
 * side by side, with the prompt and parameters of each; arrow keys step and Enter shows one on the
 * board; a new take is marked new in the strip, and "Show new takes on the board" shows it at once.
 * The strip itself is one Tab stop whose arrows step through the takes, not the board.
 */
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { activeSrc, card, imagesLoaded, inPlainView, openGeneratedBoard, saved, takeFacts, useEditorRigs } from './support/editor-kit';

const openEditor = useEditorRigs();

describe('take viewer', () => {
  it('compares takes side by side, steps with arrows, picks with Enter, and can show new takes on the board at once', async () => {
    const rig = await openEditor({ width: 1366, height: 768 });
    const page = await openGeneratedBoard(rig, 2);

    await card(page, 1).click();
    await page.getByRole('radio', { name: '2 variations' }).check();
    // A double click pays for one request: 1 + 2 takes, not 1 + 4.
    await page.getByRole('button', { name: 'Generate', exact: true }).dblclick();
    const strip = page.getByRole('region', { name: 'Takes for panel 1' });
    await expect.poll(() => strip.getByRole('button', { name: /^Take \d/ }).count(), { timeout: 20_000 }).toBe(3);
    expect(await strip.locator('button[aria-description="New take"]').count()).toBe(2);
    const firstSrc = await activeSrc(page, 1);

    await page.getByRole('button', { name: 'Compare takes' }).click();
    const viewer = page.getByRole('dialog', { name: 'Compare takes' });
    await expect.poll(() => viewer.getByRole('figure').count()).toBe(3);
    expect(await viewer.getByRole('figure').first().textContent()).toContain('Mara in scene 1');
    // Each take says how it was made in the app's words, not the API's keys (n, style_type).
    const second = await takeFacts(viewer.getByRole('figure').nth(1));
    expect(second).toMatchObject({ 'Images (n)': '2', Cost: '$0.05' });
    expect(second.Seed).toMatch(/^\d+$/);
    expect(Object.keys(second).filter((label) => /_|^n$/.test(label))).toEqual([]);
    await imagesLoaded(page);
    await screenshot(page, 'editor-take-viewer-1366x768');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => viewer.getByRole('figure').nth(2).textContent()).toContain('On the board');
    // The take on the board wears the badge; the others offer to take its place.
    expect(await viewer.getByRole('figure').nth(2).getByRole('button').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Show on the board' }).count()).toBe(2);
    await page.keyboard.press('Escape');
    await expect.poll(() => activeSrc(page, 1)).not.toBe(firstSrc);
    expect(await strip.getByRole('button', { name: /^Take 3/ }).getAttribute('aria-pressed')).toBe('true');

    // The strip by keyboard: one Tab stop (the active take); arrows, Home and End move between the
    // takes and Enter picks one, while the board stays on panel 1 (the board's → used to win).
    const tabStops = () => strip.getByRole('button', { name: /^Take \d/ }).evaluateAll((takes) => takes.map((take) => (take as HTMLElement).tabIndex));
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(await tabStops()).toEqual([-1, -1, 0]);
    await strip.getByRole('button', { name: /^Take 3/ }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('Take 2');
    await page.keyboard.press('Home');
    expect(await focused()).toBe('Take 1');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeSrc(page, 1)).toBe(firstSrc);
    expect(await focused()).toBe('Take 1');
    expect(await tabStops()).toEqual([0, -1, -1]);
    expect(await page.getByRole('heading', { name: 'Panel 1', exact: true }).count()).toBe(1);

    await card(page, 2).click();
    await page.getByRole('checkbox', { name: 'Show new takes on the board' }).check();
    const before = await activeSrc(page, 2);
    await page.getByRole('radio', { name: '1 variation' }).check();
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    const strip2 = page.getByRole('region', { name: 'Takes for panel 2' });
    await expect.poll(() => strip2.getByRole('button', { name: /^Take \d/ }).count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => strip2.getByRole('button', { name: 'Take 2' }).getAttribute('aria-pressed')).toBe('true');
    expect(await strip2.getByRole('button', { name: 'Take 2' }).getAttribute('aria-description')).toBe('New take');
    expect(await activeSrc(page, 2)).not.toBe(before);
    // Let thumbnails and the autosave finish before the rig removes the project folder.
    await imagesLoaded(page);
    await saved(page);
  });

  it('opens at its top on a small window: the title and close button show, and the arrow keys still step', async () => {
    const rig = await openEditor({ width: 1280, height: 720 });
    const page = await openGeneratedBoard(rig, 2);
    await card(page, 1).click();
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    const strip = page.getByRole('region', { name: 'Takes for panel 1' });
    await expect.poll(() => strip.getByRole('button', { name: /^Take \d/ }).count(), { timeout: 20_000 }).toBe(2);

    await page.getByRole('button', { name: 'Compare takes' }).click();
    const viewer = page.getByRole('dialog', { name: 'Compare takes' });
    const help = viewer.getByText(/^Take 1 of 2/);
    await help.waitFor();
    // The takes have the keys once the dialog has opened (a frame later).
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('group');
    await imagesLoaded(page);
    await screenshot(page, 'editor-take-viewer-1280x720');
    // Taller than the window at this size, the dialog scrolls; giving the keys to the takes must not
    // scroll its header (what it is, how to close it) out of sight.
    expect(await viewer.evaluate((dialog) => dialog.scrollTop)).toBe(0);
    expect(await inPlainView(viewer.getByRole('heading', { name: 'Compare takes' }))).toBe(true);
    expect(await inPlainView(viewer.getByRole('button', { name: 'Close compare takes' }))).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => viewer.getByText(/^Take 2 of 2/).count()).toBe(1);
    await page.keyboard.press('Escape');
    await saved(page);
  });
});
