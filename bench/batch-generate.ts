/**
 * `npx tsx bench/batch-generate.ts [--quick]`: paid batches against the fake gateway, each beside
 * its floor (the best any client could do under the gateway's limit), printing the figures and
 * the ratios. Four scenarios, as issue #10 asks:
 *  A. default settings, in-flight limit 10, 2 s latency, 24 panels (and a sequential SDK loop
 *     beside it): target <= 1.2x ceil(24/10) x 2 s, and no request refused after the first burst;
 *  B. 60 RPM with a 2x burst (a bucket of 20) and the three x-ratelimit headers, 150 panels at
 *     1 s: target 0 x 429 and <= 1.1x the time the limit allows ((150 - 20) x 1 s + 1 s);
 *  C. in-flight limit 3 (429 + Retry-After), 24 panels at 2 s: target <= 1.3x ceil(24/3) x 2 s
 *     and at most 24 + 3 POSTs;
 *  D. `castboard generate` stopped by Ctrl-C halfway through 24 panels, then
 *     `generate --missing`: target exactly 24 POSTs in total and 24 images stored.
 * Times are printed, never asserted as a test; the exit code is non-zero when a target is missed.
 * `--quick` runs B with 60 panels instead of 150; `--only=AC` runs only the scenarios named.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import sharp from 'sharp';
import { runCli } from '../electron/cli/run-cli';
import type { CliIo } from '../electron/cli/cli-io';
import { createGatewayClient } from '../electron/services/gateway/gateway-client';
import type { GeneratePanelInput } from '../electron/services/gateway/gateway-types';
import { createGenerationQueue } from '../electron/services/gateway/generation-queue';
import { generateBody } from '../shared/generation/ideogram-request';
import type { QueueJob } from '../electron/services/gateway/queue-types';
import { prepareReferenceImage } from '../electron/services/image-safety/reference-image';
import { SettingsSchema } from '../shared/domain/settings';
import { startFakeGateway, type FakeGateway, type FakeGatewayOptions } from '../test/fakes/gateway/fake-gateway';

const DEFAULTS = SettingsSchema.parse({});
const QUICK = process.argv.includes('--quick');
/** `--only=BD` runs only those scenarios. */
const ONLY = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length) ?? 'ABCD';

interface Row {
  scenario: string;
  wall: string;
  floor: string;
  'wall / floor': string;
  target: string;
  POSTs: number;
  '429s': number;
  images: number;
  result: 'MET' | 'MISSED';
}

const rows: Row[] = [];
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function referenceImage(): Promise<Buffer> {
  const face = await sharp({ create: { width: 200, height: 200, channels: 3, background: { r: 240, g: 220, b: 200 } } }).png().toBuffer();
  return sharp({ create: { width: 384, height: 512, channels: 3, background: { r: 190, g: 60, b: 50 } } }).composite([{ input: face, top: 60, left: 92 }]).png().toBuffer();
}

function panels(reference: Buffer, count: number): GeneratePanelInput[] {
  return Array.from({ length: count }, (_, i) => ({
    scene: `Panel ${i + 1}: Mara crosses the harbour at dusk, beat ${i + 1}`,
    shotType: (['WS', 'MS', 'CU'] as const)[i % 3],
    character: { name: 'Mara', description: 'a lighthouse keeper in a red raincoat', referencePng: reference },
    style: { prompt: 'ink and watercolour', renderingSpeed: 'TURBO' },
    aspectRatio: '16:9',
    variations: 1,
    seed: 1000 + i,
  }));
}

/** Our queue with the app's default settings; returns wall time, images stored and 429s after the first burst. */
async function runQueue(gateway: FakeGateway, inputs: GeneratePanelInput[]) {
  const client = createGatewayClient({ apiKey: 'bench-key', baseURL: gateway.url, timeoutMs: DEFAULTS.requestTimeoutSeconds * 1000 });
  let stored = 0;
  let firstAnswerAt = Infinity;
  const queue = createGenerationQueue({
    client,
    concurrency: DEFAULTS.concurrency,
    retryAfterCapMs: DEFAULTS.retryAfterCapSeconds * 1000,
    onResult: () => {
      stored += 1;
      firstAnswerAt = Math.min(firstAnswerAt, Date.now());
    },
  });
  const started = performance.now();
  queue.add(inputs.map((input, i): QueueJob => ({ id: `job-${i}`, kind: 'generate', panelId: `panel-${i}`, input })));
  await queue.onIdle();
  const ms = performance.now() - started;
  const failed = queue.snapshot().counts.failed;
  queue.dispose();
  const refusedLater = gateway.requests.filter((r) => r.status === 429 && r.time > firstAnswerAt).length;
  return { ms, stored, failed, refusedLater };
}

async function runSequential(baseURL: string, inputs: GeneratePanelInput[]): Promise<{ ms: number; images: number }> {
  const sdk = new OpenAI({ apiKey: 'bench-key', baseURL, maxRetries: 0 });
  const referenceDataUrl = (await prepareReferenceImage(inputs[0]!.character.referencePng)).dataUrl;
  let images = 0;
  const started = performance.now();
  for (const input of inputs) {
    const body = generateBody(input, { reference: referenceDataUrl });
    const answer = await sdk.images.generate(body as unknown as OpenAI.ImageGenerateParamsNonStreaming);
    images += answer.data?.filter((d) => d.b64_json).length ?? 0;
  }
  return { ms: performance.now() - started, images };
}

const count429 = (gateway: FakeGateway): number => gateway.requests.filter((r) => r.status === 429).length;

/** `target` null: the scenario is judged on its counts only (its wall time is printed for reference). */
function record(scenario: string, figures: { ms: number; floorMs: number; target: number | null; posts: number; refused: number; images: number; ok: boolean }): void {
  const ratio = figures.ms / figures.floorMs;
  const met = figures.ok && (figures.target === null || ratio <= figures.target);
  rows.push({
    scenario,
    wall: seconds(figures.ms),
    floor: seconds(figures.floorMs),
    'wall / floor': `${ratio.toFixed(3)}x`,
    target: figures.target === null ? 'counts only' : `<= ${figures.target}x`,
    POSTs: figures.posts,
    '429s': figures.refused,
    images: figures.images,
    result: met ? 'MET' : 'MISSED',
  });
  if (!met) process.exitCode = 1;
}

async function withGateway<T>(options: FakeGatewayOptions, run: (gateway: FakeGateway) => Promise<T>): Promise<T> {
  const gateway = await startFakeGateway(options);
  try {
    return await run(gateway);
  } finally {
    await gateway.close();
  }
}

async function scenarioA(reference: Buffer): Promise<void> {
  const inputs = panels(reference, 24);
  const floorMs = Math.ceil(24 / 10) * 2000;
  await withGateway({ latencyMs: 2000, maxInFlight: 10 }, async (gateway) => {
    const queue = await runQueue(gateway, inputs);
    record('A. defaults, in-flight limit 10, 2 s, 24 panels', { ms: queue.ms, floorMs, target: 1.2, posts: gateway.posts, refused: count429(gateway), images: queue.stored, ok: queue.refusedLater === 0 && queue.stored === 24 });
    console.log(`A: 429s after the first answer: ${queue.refusedLater} (target 0)`);
    gateway.reset();
    const sequential = await runSequential(gateway.url, inputs);
    rows.push({ scenario: 'A baseline: sequential SDK loop', wall: seconds(sequential.ms), floor: seconds(floorMs), 'wall / floor': `${(sequential.ms / floorMs).toFixed(3)}x`, target: '-', POSTs: gateway.posts, '429s': count429(gateway), images: sequential.images, result: 'MET' });
    console.log(`A: speed-up over the sequential loop: ${(sequential.ms / queue.ms).toFixed(2)}x`);
  });
}

async function scenarioB(reference: Buffer): Promise<void> {
  const count = QUICK ? 60 : 150;
  const burst = 20; // 2x 60 RPM for 10 s
  const floorMs = (count - burst) * 1000 + 1000;
  await withGateway({ latencyMs: 1000, rpmLimit: { perMinute: 60, burst } }, async (gateway) => {
    const queue = await runQueue(gateway, panels(reference, count));
    record(`B. 60 RPM + 2x burst + headers, 1 s, ${count} panels`, { ms: queue.ms, floorMs, target: 1.1, posts: gateway.posts, refused: count429(gateway), images: queue.stored, ok: count429(gateway) === 0 && queue.stored === count });
  });
}

async function scenarioC(reference: Buffer): Promise<void> {
  const floorMs = Math.ceil(24 / 3) * 2000;
  await withGateway({ latencyMs: 2000, maxInFlight: 3 }, async (gateway) => {
    const queue = await runQueue(gateway, panels(reference, 24));
    record('C. defaults, in-flight limit 3, 2 s, 24 panels', { ms: queue.ms, floorMs, target: 1.3, posts: gateway.posts, refused: count429(gateway), images: queue.stored, ok: gateway.posts <= 27 && queue.stored === 24 });
  });
}

function quietIo(env: Record<string, string>, signal?: AbortSignal): CliIo {
  return { stdout: () => undefined, stderr: () => undefined, env, ...(signal ? { signal } : {}) };
}

async function scenarioD(reference: Buffer): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'castboard-bench-'));
  try {
    const refFile = path.join(dir, 'mara.png');
    await sharp(reference).toFile(refFile);
    const project = path.join(dir, 'harbour.castboard');
    await runCli(['init', project, '--title', 'Harbour', '--character-name', 'Mara', '--character-image', refFile], quietIo({}), 'bench');
    for (let i = 1; i <= 24; i += 1) await runCli(['panel', 'add', project, '--scene', `Mara crosses the harbour, beat ${i}`], quietIo({}), 'bench');
    await withGateway({ latencyMs: 2000, maxInFlight: 10 }, async (gateway) => {
      const env = { AIGATEWAY_BASE_URL: gateway.url, AIGATEWAY_API_KEY: 'bench-key' };
      const interrupt = new AbortController();
      const started = performance.now();
      const first = runCli(['generate', project, '--yes'], quietIo(env, interrupt.signal), 'bench');
      while (gateway.posts < 12) await new Promise((resolve) => setTimeout(resolve, 10));
      interrupt.abort(); // Ctrl-C halfway
      await first;
      const afterFirst = gateway.posts;
      await runCli(['generate', project, '--yes', '--missing'], quietIo(env), 'bench');
      const ms = performance.now() - started;
      const info = await import('../electron/cli/cli-project').then(({ readProject }) => readProject(project));
      const images = info.project.panels.reduce((sum, panel) => sum + panel.takes.length, 0);
      console.log(`D: POSTs before --missing: ${afterFirst}; after: ${gateway.posts} (target exactly 24)`);
      record('D. Ctrl-C halfway, then generate --missing (24 panels)', { ms, floorMs: Math.ceil(24 / 10) * 2000, target: null, posts: gateway.posts, refused: count429(gateway), images, ok: gateway.posts === 24 && images === 24 });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const reference = await referenceImage();
  console.log(`batch-generate: defaults concurrency ${DEFAULTS.concurrency}, request deadline ${DEFAULTS.requestTimeoutSeconds} s, Retry-After cap ${DEFAULTS.retryAfterCapSeconds} s`);
  const scenarios = { A: scenarioA, C: scenarioC, D: scenarioD, B: scenarioB };
  for (const [letter, run] of Object.entries(scenarios)) if (ONLY.includes(letter)) await run(reference);
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
