/**
 * Launches Debian's Chromium through playwright-core. A missing browser fails the run loudly with
 * the install command; browser tests never skip. Flags keep Chromium off the network (this
 * machine has none) and out of first-run chores.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const RESULTS_DIR = path.resolve(import.meta.dirname, '../../../test-results');

export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium not found at ${candidate}. Browser tests need it: run \`apt-get update && apt-get install -y chromium\`, ` +
        'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
  }
  return candidate;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * A browser with a profile kept in `userDataDir` across its pages, as the app keeps its own:
 * HTTP cache and V8 code cache survive from one page load to the next (bench/board-load.ts).
 */
export async function launchProfile(userDataDir: string, viewport: { width: number; height: number }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, viewport });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
