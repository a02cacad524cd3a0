/**
 * The modal dialogs driven by keyboard alone: focus goes into a dialog when it opens, Tab and
 * Shift+Tab go round inside it (never a stop on the page or the window behind), and Escape closes
 * it and gives focus back to the control that opened it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server';
import { launchBrowser } from './support/browser';

let browser: Browser;
let harness: Harness | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Where focus is: inside the open dialog (and on what), or "outside" naming the element. */
function focusPlace(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    const name = `${active?.tagName.toLowerCase()} ${active?.getAttribute('aria-label') ?? active?.textContent?.trim().slice(0, 30) ?? ''}`;
    return active?.closest('dialog[open]') ? `inside: ${name}` : `outside: ${name}`;
  });
}

/** Presses `key` `times` times and lists every focus stop that was not inside the dialog. */
async function stopsOutside(page: Page, key: string, times: number): Promise<string[]> {
  const outside: string[] = [];
  for (let press = 0; press < times; press++) {
    await page.keyboard.press(key);
    const place = await focusPlace(page);
    if (!place.startsWith('inside')) outside.push(place);
  }
  return outside;
}

async function welcome(): Promise<Page> {
  harness = await startHarness();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(10_000);
  await page.goto(harness.url);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Storyboards');
  return page;
}

describe('modal dialogs by keyboard', () => {
  it.each([
    ['Settings', 'Settings'],
    ['New project', 'New project'],
  ])('%s: Tab and Shift+Tab stay inside, Escape gives focus back to its button', async (button, title) => {
    const page = await welcome();
    await page.getByRole('button', { name: button, exact: true }).first().focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.waitFor();
    expect(await focusPlace(page)).toMatch(/^inside/);
    const stops = await dialog.evaluate((element) => element.querySelectorAll('button:not(:disabled), input, select, textarea').length);
    // Twice round the dialog each way: every stop is one of its controls.
    expect(await stopsOutside(page, 'Tab', stops * 2 + 2)).toEqual([]);
    expect(await stopsOutside(page, 'Shift+Tab', stops * 2 + 2)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focusPlace(page)).toBe(`outside: button ${button}`);
  });
});
