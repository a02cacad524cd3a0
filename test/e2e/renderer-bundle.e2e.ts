/**
 * The built renderer as Chromium loads it (vite.config.ts, lazyModules / classicEntryScript): one
 * classic deferred script, so a later open runs it from V8's code cache instead of parsing and
 * compiling ~450 KB again (Chromium keeps the code cache of module scripts out of its background
 * fetch path), and every module the bundle imports on demand is there beside it, exporting what
 * its source exports.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../../electron/services/project/project-open';
import { startHarness, type Harness } from '../harness/server';
import { launchProfile } from './support/browser';

const TITLE = 'Night Ferry';
let folder: string;
let harness: Harness;
let profile: BrowserContext;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'castboard-bundle-e2e-'));
  const projectDir = path.join(folder, 'Night Ferry.castboard');
  const session = await createProject(projectDir, { title: TITLE, aspectRatio: '16:9' }, { autosaveDelayMs: null });
  await session.close();
  harness = await startHarness({ projectDir });
  profile = await launchProfile(path.join(folder, 'profile'), { width: 1280, height: 800 });
});

afterAll(async () => {
  await profile?.close();
  await harness?.close();
  await rm(folder, { recursive: true, force: true });
});

interface TraceEvent {
  name: string;
  args?: { data?: { url?: string; consumedCacheSize?: number } };
}

/** Opens the app in the kept profile until its project is shown; with a trace of V8's compiles when asked. */
async function open(traced = false): Promise<TraceEvent[]> {
  const page = await profile.newPage();
  const browser = profile.browser();
  if (traced) await browser?.startTracing(page, { categories: ['v8', 'disabled-by-default-v8.compile'] });
  await page.goto(harness.url);
  await page.locator('.project-title', { hasText: TITLE }).waitFor({ timeout: 15_000 });
  // Chromium writes a script's code cache a moment after the script has run.
  await page.waitForTimeout(500);
  const trace = traced && browser ? (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents : [];
  await page.close();
  return trace;
}

describe('the built renderer in Chromium', () => {
  it('runs its script from the code cache from the third open on, as the app opens every day', async () => {
    await open();
    await open();
    const compiles = (await open(true)).filter((event) => /^v8\.compile(Module)?$/.test(event.name) && /\/assets\/index-[^/]+\.js$/.test(event.args?.data?.url ?? ''));
    expect(compiles.map((event) => event.name)).toEqual(['v8.compile']);
    expect(compiles[0]?.args?.data?.consumedCacheSize ?? 0).toBeGreaterThan(100_000);
  });

  it('has every module it imports on demand beside it, with the exports of its source', async () => {
    const page = await profile.newPage();
    await page.goto(harness.url);
    const script = await page.locator('script[src*="/index-"]').evaluate((element: HTMLScriptElement) => ({ src: element.src, type: element.type, defer: element.defer }));
    expect(script).toMatchObject({ type: '', defer: true });
    const bundle = await (await fetch(script.src)).text();
    const specifiers = [...bundle.matchAll(/import\((['"`])([^'"`]+)\1\)/g)].map((match) => match[2] ?? '');
    const sources: Record<string, () => Promise<object>> = {
      './lazy/answer-schemas.js': () => import('../../shared/ipc/answer-schemas'),
      './lazy/settings.js': () => import('../../shared/domain/settings'),
    };
    expect(specifiers.sort()).toEqual(Object.keys(sources).sort());
    for (const specifier of specifiers) {
      const url = new URL(specifier, script.src).href;
      // A string, so the test runner does not rewrite this import() as its own.
      const exported = await page.evaluate<string[]>(`import(${JSON.stringify(url)}).then((module) => Object.keys(module).sort())`);
      expect(exported, specifier).toEqual(Object.keys(await sources[specifier]!()).sort());
    }
    await page.close();
  });
});
