/**
 * The harness's bridge script carries main's answers to the start-up reads (test/harness/server.ts),
 * as the app's preload has them answered over IPC before the page has parsed: a page of the
 * harness's own origin opens its project without asking for them over HTTP, and a page of any
 * other origin that loads the script gets the bridge without the project in it, as its IPC calls
 * would be refused.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../../electron/services/project/project-open';
import { STARTUP_READS } from '../../shared/ipc/startup-reads';
import { startHarness, type Harness } from '../harness/server';
import { launchBrowser } from './support/browser';

const TITLE = 'Lighthouse Keeper';
let browser: Browser;
let harness: Harness;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'castboard-startup-e2e-'));
  const projectDir = path.join(folder, 'Lighthouse.castboard');
  const session = await createProject(projectDir, { title: TITLE, aspectRatio: '16:9' }, { autosaveDelayMs: null });
  await session.close();
  browser = await launchBrowser();
  harness = await startHarness({ projectDir });
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await rm(folder, { recursive: true, force: true });
});

const bridgeScript = async (site: string) => (await fetch(`${harness.url}harness/bridge.js`, { headers: { 'Sec-Fetch-Site': site } })).text();

describe('start-up reads carried by the harness bridge', () => {
  it('opens the project main has open without asking for the start-up reads over HTTP', async () => {
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/ipc/')) asked.push(decodeURIComponent(pathname.slice('/ipc/'.length)));
    });
    await page.goto(harness.url);
    await page.locator('.project-title', { hasText: TITLE }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Add first panel' }).waitFor();
    expect(asked.filter((channel) => STARTUP_READS.includes(channel as (typeof STARTUP_READS)[number]))).toEqual([]);
    await page.close();
  });

  it("gives the project's answers only to a page of the harness's own origin", async () => {
    expect(await bridgeScript('same-origin')).toContain(TITLE);
    for (const site of ['cross-site', 'same-site', 'none']) expect(await bridgeScript(site)).not.toContain(TITLE);
  });
});
