/**
 * `npx tsx bench/board-load.ts [-- --panels 500,2000] [--opens 5]`: the board at storyboard scale in real
 * Chromium through the browser harness (real renderer, handlers and services), side by side in
 * one run with a bare static page of the same cards (<img> + text, a few lines of script). For
 * each size it prints: open to first interaction (the page painted, board in the DOM, its scripts
 * run, no long task still running: as Time to Interactive, never before the first contentful
 * paint, since nothing can be used before it is on the screen), the longest task after the first paint (tasks that start once the
 * first card is in the DOM; the task that puts it there ends before the first paint and is
 * printed beside it without a target), one arrow-key step, one keystroke until its card is
 * painted, Ctrl+A, and JS heap after GC, with the ratio to the bare page and the issue #12 target
 * (at 2,000 panels the targets are doubled). The app renders only the rows in view, so the probes
 * find cards by their "Panel N" number (board-page.ts). Projects are built with the app's own
 * functions (bench/bench-project.ts). Each page is loaded --opens times, app and bare page in
 * turn; a time is the median over the loads, a longest task the worst of them. Needs
 * `npm run build:harness` first. Exits 1 when a target is missed; never part of the test run.
 *
 * The browser keeps one profile across the loads of a size, as the app keeps its own: the app's
 * scheme has V8's code cache (adapters/protocols.ts), which Chromium writes on a script's second
 * load and reads from the third, so every launch after the first two runs the bundle without
 * compiling it. The targets are judged on such loads; the very first load of each page (a new
 * profile, nothing compiled yet: once per install or update) is printed beside them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createProject } from '../electron/services/project/project-open';
import { SHOT_TYPE_LABELS, type Project } from '../shared/domain/project';
import { thumbnailPath } from '../shared/domain/thumbnail-ref';
import { startHarness } from '../test/harness/server';
import { launchProfile } from '../test/e2e/support/browser';
import { buildProject } from './bench-project';
import { barePage, CARDS, heapAfterGc, RECORDER, timeUntilPainted, type BareCard } from './board-page';

interface Figures {
  openMs: number;
  /** The same without waiting for the first paint (this bench's rule before session 14), printed beside it. */
  unpaintedOpenMs: number;
  /** When the first card entered the DOM (the bare page: early in parsing it). */
  firstCardMs: number;
  /** DOMContentLoaded: the page's scripts have run (the app's bundle and bridge), before any board render. */
  scriptsRunMs: number;
  /** First contentful paint. */
  paintedMs: number;
  /** The longest task that was running when the first card entered the DOM (it ends before the first paint). */
  openTaskMs: number;
  longestTaskMs: number;
  arrowMs: number;
  keystrokeMs: number;
  selectAllMs: number;
  heapMb: number;
}

const SETTLE_MS = 1500;
const VIEWPORT = { width: 1440, height: 900 };
/** Loads after the first and before the measured ones: the second writes the code cache. */
const WARM_UP_LOADS = 2;
const STEPS = 8;
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 ? (process.argv[index + 1] ?? '') : fallback;
}

function sizes(): number[] {
  return argument('--panels', '500,2000').split(',').map(Number).filter((n) => n > 0);
}

/** Page loads per side; each figure is the median over them (one load of either page varies by 2-3x here). */
const OPENS = Math.max(1, Number(argument('--opens', '5')) || 5);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Loads the page, then measures every figure the same way for the app and the bare page. */
async function measure(profile: BrowserContext, url: string): Promise<Figures> {
  const page: Page = await profile.newPage();
  await page.addInitScript(RECORDER);
  await page.goto(url);
  await page.waitForSelector(CARDS, { timeout: 60_000 });
  await page.waitForTimeout(SETTLE_MS);
  const recorded = await page.evaluate(() => (window as unknown as { __bench: { longTasks: Array<{ start: number; duration: number }>; firstCard: number; ready: number; painted: number } }).__bench);
  const after = recorded.longTasks.filter((task) => task.start + task.duration > recorded.firstCard);
  // Interactive once the page is painted, the board is there, the page's scripts have run (the bare
  // page's first card is in the DOM long before its last one is parsed and its key handlers exist)
  // and the main thread is no longer busy with a long task. Without the paint, the bare page would
  // count as usable ~100 ms before it shows anything (its 500 cards are laid out after its script
  // runs); that figure is still printed.
  const unpaintedOpenMs = Math.max(recorded.firstCard, recorded.ready, ...after.map((task) => task.start + task.duration));
  const openMs = Math.max(recorded.painted, unpaintedOpenMs);
  const firstCardMs = recorded.firstCard;
  const scriptsRunMs = recorded.ready;
  const paintedMs = recorded.painted;
  // The task that puts the first card in the DOM ends before the first paint: the target ("no task
  // over 100 ms after the first paint") is about the tasks that start after it.
  const openTaskMs = Math.max(0, ...after.filter((task) => task.start < recorded.firstCard).map((task) => task.duration));
  const longestTaskMs = Math.max(0, ...after.filter((task) => task.start >= recorded.firstCard).map((task) => task.duration));

  await page.locator(CARDS).first().click();
  const arrows: number[] = [];
  for (let i = 0; i < STEPS; i += 1) arrows.push(await timeUntilPainted(page, 'arrow'));
  const keys: number[] = [];
  for (let i = 0; i < STEPS; i += 1) keys.push(await timeUntilPainted(page, 'keystroke', `Mara turns, take ${i}`));
  await page.locator(CARDS).first().click();
  const selectAllMs = await timeUntilPainted(page, 'selectAll');
  const heapMb = await heapAfterGc(page);
  await page.close();
  return { openMs, unpaintedOpenMs, firstCardMs, scriptsRunMs, paintedMs, openTaskMs, longestTaskMs, arrowMs: median(arrows), keystrokeMs: median(keys), selectAllMs, heapMb };
}

/** Over the loads: each time's median, and the longest tasks' worst (the target is "no task over"). */
function combine(runs: readonly Figures[]): Figures {
  const of = (key: keyof Figures) => runs.map((run) => run[key]);
  return {
    openMs: median(of('openMs')),
    unpaintedOpenMs: median(of('unpaintedOpenMs')),
    firstCardMs: median(of('firstCardMs')),
    scriptsRunMs: median(of('scriptsRunMs')),
    paintedMs: median(of('paintedMs')),
    openTaskMs: Math.max(...of('openTaskMs')),
    longestTaskMs: Math.max(...of('longestTaskMs')),
    arrowMs: median(of('arrowMs')),
    keystrokeMs: median(of('keystrokeMs')),
    selectAllMs: median(of('selectAllMs')),
    heapMb: median(of('heapMb')),
  };
}

function bareCards(project: Project, mediaBase: string): BareCard[] {
  return project.panels.map((panel, index) => {
    const take = panel.takes.find((candidate) => candidate.id === panel.activeTakeId);
    return { number: index + 1, thumbUrl: take ? `${mediaBase}${thumbnailPath(take.image, 256)}` : null, scene: panel.scenePrompt, shot: SHOT_TYPE_LABELS[panel.shotType] };
  });
}

/** Requests every card's thumbnail once, a few at a time, so the harness builds and caches them. */
async function warmThumbnails(cards: readonly BareCard[]): Promise<void> {
  const urls = cards.flatMap((card) => (card.thumbUrl ? [card.thumbUrl] : []));
  const next = async (): Promise<void> => {
    const url = urls.pop();
    if (url === undefined) return;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`thumbnail ${url}: HTTP ${response.status}`);
    await response.arrayBuffer();
    return next();
  };
  await Promise.all([next(), next(), next(), next()]);
}

async function serveBare(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The loads of one page: the first in a new profile, then the measured ones (code cache warm). */
interface Loads {
  first: Figures;
  warm: Figures[];
}

function report(panels: number, apps: Loads, bases: Loads): boolean {
  const app = combine(apps.warm);
  const bare = combine(bases.warm);
  const scale = panels > 500 ? 2 : 1;
  const rows: Array<[string, number, number, number, string]> = [
    ['open to first interaction (ms)', app.openMs, bare.openMs, Math.min(1000 * scale, bare.openMs * 1.5 * scale), `<= 1.5x bare and < ${1000 * scale}`],
    ['open, not waiting for the paint (ms)', app.unpaintedOpenMs, bare.unpaintedOpenMs, Number.POSITIVE_INFINITY, 'no target (the rule before session 14)'],
    ['open, first load in a new profile (ms)', apps.first.openMs, bases.first.openMs, Number.POSITIVE_INFINITY, 'no target (once per install: no code cache yet)'],
    ['first card in the DOM (ms)', app.firstCardMs, bare.firstCardMs, Number.POSITIVE_INFINITY, 'no target'],
    // Shown because the app cannot be interactive before its scripts have run: when this alone is
    // above the open target, no change to the board's rendering can meet it.
    ['scripts run, DOMContentLoaded (ms)', app.scriptsRunMs, bare.scriptsRunMs, Number.POSITIVE_INFINITY, 'no target'],
    ['first contentful paint (ms)', app.paintedMs, bare.paintedMs, Number.POSITIVE_INFINITY, 'no target'],
    ['task that shows the board (ms)', app.openTaskMs, bare.openTaskMs, Number.POSITIVE_INFINITY, 'no target (before first paint)'],
    ['longest task after first paint (ms)', app.longestTaskMs, bare.longestTaskMs, 100 * scale, `<= ${100 * scale}`],
    ['arrow-key step to painted (ms)', app.arrowMs, bare.arrowMs, 50 * scale, `< ${50 * scale}`],
    ['one keystroke to painted card (ms)', app.keystrokeMs, bare.keystrokeMs, 50 * scale, `< ${50 * scale}`],
    ['Ctrl+A to painted (ms)', app.selectAllMs, bare.selectAllMs, 100 * scale, `< ${100 * scale}`],
    ['JS heap after GC (MB)', app.heapMb, bare.heapMb, 50 * scale, `< ${50 * scale}`],
  ];
  console.log(`\n${panels} panels (${scale === 1 ? 'targets as set' : 'targets doubled'}; ${OPENS} loads of each page after ${1 + WARM_UP_LOADS} in the same profile, interleaved: medians, worst longest task)`);
  console.log('metric'.padEnd(38) + 'app'.padStart(9) + 'bare'.padStart(9) + 'ratio'.padStart(8) + '  target');
  let ok = true;
  for (const [name, ours, base, limit, target] of rows) {
    const pass = ours <= limit;
    ok &&= pass;
    const ratio = base > 0 ? `${(ours / base).toFixed(1)}x` : '-';
    console.log(name.padEnd(38) + ours.toFixed(1).padStart(9) + base.toFixed(1).padStart(9) + ratio.padStart(8) + `  ${target}${Number.isFinite(limit) ? (pass ? '  OK' : '  MISSED') : ''}`);
  }
  // Every load's open time, so a verdict near its line can be read against the spread it came from.
  const loads = (runs: readonly Figures[]) => runs.map((run) => Math.round(run.openMs)).sort((a, b) => a - b).join(', ');
  console.log(`open to first interaction, each measured load (ms): app ${loads(apps.warm)}; bare ${loads(bases.warm)}`);
  return ok;
}

async function runSize(panels: number): Promise<boolean> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'castboard-board-bench-'));
  try {
    const root = path.join(dir, 'Harbour Chase.castboard');
    const session = await createProject(root, { title: 'Harbour Chase', aspectRatio: '16:9' }, { autosaveDelayMs: null });
    session.update(await buildProject(session, panels));
    await session.save();
    const project = session.project;
    await session.close();
    const harness = await startHarness({ projectDir: root, logger: quiet });
    const cards = bareCards(project, `${harness.url}media/`);
    const bare = await serveBare(barePage(cards));
    try {
      // Every thumbnail is built before either page opens: both read them warm, and neither page
      // is measured while the harness (in this process, like the bare page's server) still builds
      // thumbnails the other one asked for.
      await warmThumbnails(cards);
      // Likewise the character card's face verdict (the check's face detection, cached in the
      // project): worked out now, not on a worker thread of this process while the first load is timed.
      for (const character of project.characters) if (character.referenceImage) await harness.services.consistency.referenceFace(root, character.referenceImage);
      // A new profile for each size: its first loads compile everything, as a fresh install does.
      const profile = await launchProfile(path.join(dir, 'profile'), VIEWPORT);
      // The app's probes edit the project; its autosave (a second later) must not land inside the
      // next load of either page, so pending edits are written before each load starts.
      const quietly = async (url: string) => {
        await harness.services.workspace.save();
        return measure(profile, url);
      };
      // Interleaved (app, bare, app, bare...), so a busy moment of the machine hits both sides alike.
      let apps: Loads;
      let bases: Loads;
      try {
        apps = { first: await quietly(harness.url), warm: [] };
        bases = { first: await quietly(bare.url), warm: [] };
        for (let load = 0; load < WARM_UP_LOADS; load += 1) {
          await quietly(harness.url);
          await quietly(bare.url);
        }
        for (let run = 0; run < OPENS; run += 1) {
          apps.warm.push(await quietly(harness.url));
          bases.warm.push(await quietly(bare.url));
        }
      } finally {
        await profile.close();
      }
      return report(panels, apps, bases);
    } finally {
      await bare.close();
      await harness.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let allOk = true;
for (const panels of sizes()) allOk = (await runSize(panels)) && allOk;
if (!allOk) process.exitCode = 1;
