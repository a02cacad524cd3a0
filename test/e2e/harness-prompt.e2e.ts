/**
 * Trying the app in a browser with no test script (`npm run harness`): a file dialog shows as an
 * in-page prompt, so New project can be created by clicking and typing a folder; Cancel in the
 * prompt is a cancelled dialog. A prompt left open by a page that went away is answered
 * "cancelled" when the next page loads, so that page never shows or answers a stale one.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness/server';
import { launchBrowser, screenshot } from './support/browser';

let browser: Browser;
let harness: Harness;
let folder: string;

beforeAll(async () => {
  browser = await launchBrowser();
  harness = await startHarness({ interactiveDialogs: true });
  folder = await mkdtemp(path.join(tmpdir(), 'castboard-prompt-e2e-'));
});

afterAll(async () => {
  await browser.close();
  await harness.close();
  await rm(folder, { recursive: true, force: true });
});

describe('harness in-page file prompts', () => {
  it('creates a project by clicking and typing a folder, and treats Cancel as a cancelled dialog', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.setDefaultTimeout(10_000);
    await page.goto(harness.url);

    await page.getByRole('button', { name: 'Open project' }).first().click();
    const openPrompt = page.getByRole('dialog', { name: 'Open a Castboard project folder' });
    await openPrompt.waitFor();
    await openPrompt.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => openPrompt.count()).toBe(0);
    expect(harness.services.workspace.root()).toBeNull();

    await page.getByRole('button', { name: 'New project' }).first().click();
    await page.getByLabel('Project title').fill('Prompted');
    await page.getByRole('button', { name: 'Create project' }).click();
    const prompt = page.getByRole('dialog', { name: 'Choose where to create the project folder' });
    await prompt.waitFor();
    await prompt.getByLabel('Path').fill(folder);
    await screenshot(page, 'harness-folder-prompt');
    await prompt.getByRole('button', { name: 'Choose' }).click();
    await page.getByRole('button', { name: 'Add panel' }).waitFor();
    expect(await readdir(folder)).toEqual(['Prompted.castboard']);
    await page.close();
  });

  it('forgets a prompt whose page was closed: the next page shows only its own', async () => {
    await harness.services.workspace.close(); // back to the start screen
    const gone = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    gone.setDefaultTimeout(10_000);
    await gone.goto(harness.url);
    await gone.getByRole('button', { name: 'Open project' }).first().click();
    await gone.getByRole('dialog', { name: 'Open a Castboard project folder' }).waitFor();
    await gone.close();

    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.setDefaultTimeout(10_000);
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Open project' }).first().click();
    const prompt = page.getByRole('dialog', { name: 'Open a Castboard project folder' });
    await prompt.waitFor();
    await prompt.getByRole('button', { name: 'Cancel' }).click();
    // One Cancel answers this page's only prompt: no stale one comes up after it.
    await page.waitForTimeout(1000);
    expect(await prompt.count()).toBe(0);
    expect(await (await fetch(`${harness.url}__harness/prompt`)).json()).toEqual({ prompt: null });
    await page.close();
  });
});
