/**
 * The API key through the real UI: saved in Settings, still there after a reload, shown only as
 * its last four characters, never sent back to the page. Also the weak-keyring path (Linux
 * basic_text): the dialog warns and defaults to session-only storage.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server';
import { launchBrowser, screenshot } from './support/browser';

const KEY = 'cb-test-key-9f3a7c21';

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

/** Every IPC answer the page receives, to prove the key never comes back. */
function recordIpcAnswers(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/ipc/')) void response.text().then((text) => bodies.push(text), () => undefined);
  });
  return bodies;
}

function keyMessages(page: Page) {
  return page.getByRole('region', { name: 'AIgateway API key' }).getByRole('status');
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).waitFor();
}

describe('API key in settings', () => {
  it('is saved, survives a reload and shows only its last 4 characters', async () => {
    harness = await startHarness();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const answers = recordIpcAnswers(page);
    await page.goto(harness.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Storyboards');
    await screenshot(page, 'welcome-1440x900');

    await openSettings(page);
    await expect.poll(() => page.getByTestId('key-status').textContent()).toContain('No key');
    await page.getByLabel('API key', { exact: true }).fill(KEY);
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => page.getByTestId('key-status').textContent()).toContain('ends in …7c21');
    await screenshot(page, 'settings-key-saved');

    await page.reload();
    await openSettings(page);
    const status = await page.getByTestId('key-status').textContent();
    expect(status).toContain('Key saved');
    expect(status).toContain('…7c21');
    expect(await page.getByLabel('API key', { exact: true }).inputValue()).toBe('');

    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => keyMessages(page).textContent()).toContain('Connected');

    const html = await page.content();
    expect(html).not.toContain(KEY);
    expect(answers.length).toBeGreaterThan(0);
    for (const body of answers) expect(body).not.toContain(KEY);
    await page.close();
  });

  it('opens on the API key field, so a key typed or pasted at once goes in (not on the close button)', async () => {
    harness = await startHarness();
    const page = await browser.newPage();
    await page.goto(harness.url);
    await openSettings(page);
    await page.keyboard.type(KEY);
    expect(await page.getByLabel('API key', { exact: true }).inputValue()).toBe(KEY);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('key-status').textContent()).toContain('ends in …7c21');
    expect(await page.getByRole('dialog', { name: 'Settings' }).isVisible()).toBe(true);
    await page.close();
  });

  it('warns about a weak keyring and keeps the key for the session only', async () => {
    harness = await startHarness({ keyProtection: 'plain-text-fallback' });
    const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    await page.goto(harness.url);
    await openSettings(page);
    await expect.poll(() => page.getByRole('note').textContent()).toContain('no keyring');
    expect(await page.getByLabel('Keep for this session only').isChecked()).toBe(true);
    await screenshot(page, 'settings-weak-keyring-1024x700');

    await page.getByLabel('API key', { exact: true }).fill(KEY);
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => page.getByTestId('key-status').textContent()).toContain('session only');
    expect(harness.services.keyVault.status().storage).toBe('session-only');
    await page.close();
  });

  it('explains a rejected key in words an artist can act on', async () => {
    harness = await startHarness();
    const page = await browser.newPage();
    await page.goto(harness.url);
    await openSettings(page);
    await page.getByLabel('API key', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => keyMessages(page).textContent()).toContain('too short');
    expect(harness.services.keyVault.status().hasKey).toBe(false);
    await page.close();
  });

  it('sends the key to a changed gateway address only after main asks and the artist confirms (issue #16)', async () => {
    harness = await startHarness();
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(harness.url);
    await openSettings(page);
    await page.getByLabel('API key', { exact: true }).fill(KEY);
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => page.getByTestId('key-status').textContent()).toContain('Key saved');

    const foreign = 'http://127.0.0.1:9/v1';
    await page.getByLabel('Gateway URL').fill(foreign);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByTestId('key-destination').textContent()).toContain('Send your AIgateway API key to 127.0.0.1:9?');
    await screenshot(page, 'settings-confirm-new-gateway');

    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => keyMessages(page).textContent()).toContain('Confirm the new address in Settings');
    const sentThere = () => harness?.outbound.requests.filter((request) => request.url.startsWith(foreign)).length ?? 0;
    expect(sentThere()).toBe(0);

    // Main's own question, answered by the artist (the harness scripts the native dialog).
    await fetch(new URL('/__harness/dialogs', harness.url), { method: 'POST', body: JSON.stringify({ kind: 'confirm', answer: 'Send my key there' }) });
    await page.getByRole('button', { name: 'Confirm new address…' }).click();
    await expect.poll(() => page.getByTestId('key-destination').count()).toBe(0);
    await page.close();
  });
});
