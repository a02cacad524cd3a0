/**
 * Helpers for the editor's browser tests: a harness with a key, scripted dialogs, a reference
 * image on disk, a project made through the real UI or straight through the services (for tests
 * that start from a ready project), and readers for what a card shows.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createCharacter, createPanel } from '../../../shared/domain/project-edit';
import { solidPng } from '../../fakes/gateway/test-images';
import { startHarness, type Harness } from '../../harness/server';
import { launchBrowser } from './browser';

export const KEY = 'cb-test-key-e2e-4242';

export interface EditorRig {
  harness: Harness;
  page: Page;
  dir: string;
  referencePng: string;
  close(): Promise<void>;
}

export async function openRig(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<EditorRig> {
  const harness = await startHarness();
  await harness.services.keyVault.set(KEY, { sessionOnly: true });
  const dir = await mkdtemp(path.join(tmpdir(), 'castboard-editor-e2e-'));
  const referencePng = path.join(dir, 'mara.png');
  await writeFile(referencePng, await solidPng(640, 800, { r: 200, g: 60, b: 40 }));
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return {
    harness,
    page,
    dir,
    referencePng,
    async close() {
      await page.close();
      await harness.close();
      // Retries: a thumbnail the page asked for may still be being written when its connection closes.
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

export async function scriptDialog(rig: EditorRig, kind: 'chooseFolder' | 'chooseImageFile' | 'chooseSavePath', answer: string | null): Promise<void> {
  const response = await fetch(new URL('/__harness/dialogs', rig.harness.url), { method: 'POST', body: JSON.stringify({ kind, answer }) });
  expect(response.ok).toBe(true);
}

/** What a seeded panel may have besides its scene and character (duration, dialogue...). */
export type SeedFields = Omit<Parameters<typeof createPanel>[0], 'scenePrompt' | 'characterId'>;

/** Creates a project on disk through the services (no UI): one character with a reference, `count` described panels. */
export async function seedProject(rig: EditorRig, count: number, fields: SeedFields = {}): Promise<void> {
  const { workspace } = rig.harness.services;
  await scriptDialog(rig, 'chooseFolder', rig.dir);
  await workspace.create({ title: 'Night Market', aspectRatio: '16:9' });
  const imported = await workspace.importImageBytes(await solidPng(640, 800, { r: 40, g: 90, b: 200 }));
  const character = createCharacter({ name: 'Mara', description: 'red raincoat, short silver hair', referenceImage: imported.image });
  const project = workspace.project();
  const panels = Array.from({ length: count }, (_, index) => createPanel({ ...fields, scenePrompt: `Mara in scene ${index + 1}`, characterId: character.id }));
  workspace.update({ ...project, characters: [character], panels });
  await workspace.save();
}

/**
 * A seeded project of `count` panels opened in the page and generated once through the UI
 * ("Generate missing", cost confirmed): every panel has one paid take from the fake gateway.
 */
export async function openGeneratedBoard(rig: EditorRig, count: number, fields: SeedFields = {}): Promise<Page> {
  await seedProject(rig, count, fields);
  const { page } = rig;
  page.setDefaultTimeout(10_000);
  await page.goto(rig.harness.url);
  await board(page).waitFor();
  await page.getByRole('button', { name: 'Generate missing' }).click();
  const cents = count * 5;
  await page.getByRole('button', { name: `Generate ${count} images ($${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')})` }).click();
  await expect.poll(() => cardsWithTakes(page), { timeout: 30_000 }).toBe(count);
  return page;
}

/** A seeded project of `panels` panels opened in the page, with panel 1's sketch pad open. */
export async function openSketchPad(rig: EditorRig, panels = 1): Promise<Locator> {
  await seedProject(rig, panels);
  const { page } = rig;
  page.setDefaultTimeout(10_000);
  await page.goto(rig.harness.url);
  await card(page, 1).click();
  await page.getByRole('button', { name: 'Sketch', exact: true }).click();
  const pad = page.getByRole('dialog', { name: 'Sketch panel 1' });
  await pad.waitFor();
  return pad;
}

export function board(page: Page): Locator {
  // Exact: other lists mention panels ("Why panels were not checked").
  return page.getByRole('list', { name: 'Panels', exact: true });
}

export function card(page: Page, number: number): Locator {
  return board(page).getByRole('listitem', { name: `Panel ${number}`, exact: true });
}

/** The src of a card's active take, or null when it shows no take. */
export async function activeSrc(page: Page, number: number): Promise<string | null> {
  const image = card(page, number).getByRole('img', { name: `Panel ${number}, take on the board` });
  return (await image.count()) === 0 ? null : image.getAttribute('src');
}

export async function cardsWithTakes(page: Page): Promise<number> {
  return board(page).getByRole('img', { name: /take on the board$/ }).count();
}

export async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toContain('All changes saved');
}

export async function sceneOf(page: Page, number: number): Promise<string> {
  return (await card(page, number).locator('.panel-scene').textContent()) ?? '';
}

/** Waits until every image in view has loaded (thumbnails are built on first request). */
/** A take viewer tile's "how it was made" list as label -> value (the take viewer, issue #12). */
export async function takeFacts(tile: Locator): Promise<Record<string, string>> {
  return tile.evaluate((figure) =>
    Object.fromEntries(Array.from(figure.querySelectorAll('dt')).map((term) => [term.textContent ?? '', term.nextElementSibling?.textContent ?? ''])),
  );
}

export async function imagesLoaded(page: Page): Promise<void> {
  const allLoaded = () =>
    page.evaluate(() =>
      Array.from(document.images)
        .filter((image) => {
          const rect = image.getBoundingClientRect();
          return rect.width > 0 && rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth;
        })
        .every((image) => image.complete && image.naturalWidth > 0),
    );
  await expect.poll(allLoaded, { timeout: 15_000 }).toBe(true);
}

export type Box = { left: number; right: number; top: number; bottom: number };

/** Where `locator` is drawn in the window, edge by edge; throws when it is not rendered. */
export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} is not rendered`);
  return { left: box.x, right: box.x + box.width, top: box.y, bottom: box.y + box.height };
}

/**
 * True when the element can be clicked where it is, without scrolling anything first: inside the
 * window, and what the pointer hits at its corners is the element itself (not clipped by a
 * scrolling box, not under another element).
 */
export function inPlainView(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const inWindow = box.width > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
    const corners: Array<[number, number]> = [
      [box.left + 2, box.top + 2],
      [box.right - 2, box.bottom - 2],
    ];
    return inWindow && corners.every(([x, y]) => element.contains(document.elementFromPoint(x, y)));
  });
}

/**
 * Registers one browser per test file and closes each test's rig after it; returns the function
 * a test calls to open its rig.
 */
export function useEditorRigs(): (viewport?: { width: number; height: number }) => Promise<EditorRig> {
  let browser: Browser | undefined;
  let current: EditorRig | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (viewport) => {
    if (!browser) throw new Error('useEditorRigs(): the browser is not started yet.');
    current = await openRig(browser, viewport);
    return current;
  };
}
