/**
 * In-page probes for bench/board-load.ts, and the bare baseline page: the same cards as static
 * <img> + text with the least script that does the same jobs (move focus, type into a card,
 * select all). Probes run inside Chromium and time an action until the DOM shows its result and
 * a frame has been painted after it.
 */
import type { Page } from 'playwright-core';

export const BOARD = '[aria-label="Panels"]';
/**
 * The cards in the DOM: the bare page's <li>s, the app's listitems. The app renders only the rows
 * in view (windowed board), so probes find cards by their "Panel N" number, never by position.
 */
export const CARDS = `${BOARD} :is(li, [role="listitem"])`;

/** Init script: long tasks, the moment the first card appears and DOMContentLoaded, from navigation start. */
export const RECORDER = `
  // tsx (esbuild keepNames) wraps named functions in page.evaluate bodies with __name().
  globalThis.__name ??= (fn) => fn;
  window.__bench = { longTasks: [], firstCard: null, ready: null, painted: null };
  // The page's own scripts have run (the bare page's key handlers exist only from here on).
  document.addEventListener('DOMContentLoaded', () => { window.__bench.ready = performance.now(); });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  // First contentful paint: nothing can be used before it is on the screen.
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__bench.painted = e.startTime; })
    .observe({ type: 'paint', buffered: true });
  new MutationObserver((_, observer) => {
    if (document.querySelector('${CARDS}')) { window.__bench.firstCard = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
`;

export type Probe = 'arrow' | 'keystroke' | 'selectAll';

/**
 * Runs one action in the page (app or bare page: same DOM contract), then waits until the DOM
 * shows its result and one more frame has been painted; returns the milliseconds. No eval: the
 * app's CSP forbids it, so the actions are written out here.
 */
export async function timeUntilPainted(page: Page, probe: Probe, text = ''): Promise<number> {
  return page.evaluate(
    ({ probe, text, selector }) =>
      new Promise<number>((resolve) => {
        const cards = () => Array.from(document.querySelectorAll<HTMLElement>(selector));
        const numberOf = (card: HTMLElement | undefined) => Number(card?.getAttribute('aria-label')?.replace('Panel ', '') ?? -1);
        const current = () => numberOf(cards().find((card) => card.getAttribute('aria-current') === 'true'));
        const cardNumbered = (number: number) => cards().find((card) => numberOf(card) === number);
        const key = (init: KeyboardEventInit) => (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
        const started = performance.now();
        let done: () => boolean;
        if (probe === 'arrow') {
          const from = current();
          key({ key: 'ArrowRight' });
          done = () => current() === from + 1;
        } else if (probe === 'selectAll') {
          key({ key: 'a', ctrlKey: true });
          done = () => cards().every((card) => card.hasAttribute('data-selected'));
        } else {
          const labelled = Array.from(document.querySelectorAll('label')).find((label) => label.textContent === 'Scene')?.control;
          const box = (document.querySelector('textarea[aria-label="Scene"]') ?? labelled) as HTMLTextAreaElement;
          const at = current();
          Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(box, text);
          box.dispatchEvent(new Event('input', { bubbles: true }));
          done = () => cardNumbered(at)?.querySelector('.panel-scene')?.textContent === text;
        }
        const check = () => {
          if (done()) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
          else requestAnimationFrame(check);
        };
        check();
      }),
    { probe, text, selector: CARDS },
  );
}

export interface BareCard {
  number: number;
  thumbUrl: string | null;
  scene: string;
  shot: string;
}

/** The bare baseline: static cards and a few lines of script for the same three actions. */
export function barePage(cards: readonly BareCard[]): string {
  const items = cards
    .map(
      (card) =>
        `<li tabindex="-1" data-panel-id="p${card.number}" aria-label="Panel ${card.number}"><div class="thumb">${card.thumbUrl ? `<img src="${card.thumbUrl}" alt="" loading="lazy" decoding="async">` : ''}</div>` +
        `<div class="meta"><b>${card.number}</b> ${card.shot}</div><p class="panel-scene">${card.scene}</p></li>`,
    )
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>bare board</title><style>
    body { margin: 0; font: 14px sans-serif; background: #121317; color: #e8e9ed; }
    ul { list-style: none; margin: 0; padding: 20px; display: grid; grid-template-columns: repeat(auto-fill, minmax(214px, 1fr)); gap: 18px; }
    li { background: #20232b; border: 1px solid #2c303a; border-radius: 10px; }
    li[data-selected] { border-color: #f2b84b; } li[aria-current] { box-shadow: 0 0 0 2px #f2b84b; }
    .thumb { aspect-ratio: 16 / 9; background: #0d0e11; } .thumb img { width: 100%; height: 100%; object-fit: cover; display: block; }
    p { margin: 6px 10px 10px; } .meta { padding: 8px 10px 0; }
    textarea { position: fixed; right: 10px; top: 10px; width: 300px; }
  </style></head><body><textarea aria-label="Scene"></textarea><ul aria-label="Panels">${items}</ul><script>
    const cards = Array.from(document.querySelectorAll('li'));
    let focused = 0;
    cards[0].setAttribute('aria-current', 'true');
    addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight') { cards[focused].removeAttribute('aria-current'); focused = Math.min(cards.length - 1, focused + 1); cards[focused].setAttribute('aria-current', 'true'); cards[focused].scrollIntoView({ block: 'nearest' }); }
      if (event.key === 'a' && event.ctrlKey) { for (const card of cards) card.setAttribute('data-selected', ''); }
    });
    document.querySelector('textarea').addEventListener('input', (event) => { cards[focused].querySelector('.panel-scene').textContent = event.target.value; });
  </script></body></html>`;
}

/** Heap in use after a forced garbage collection, in MB. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}
