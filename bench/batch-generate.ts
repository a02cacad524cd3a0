/**
 * `npx tsx bench/batch-generate.ts`: 24 panels against the fake gateway (2 s latency, at most 10
 * requests in flight), our generation queue at concurrency 10 versus a plain sequential loop over
 * the openai SDK, run one after the other on the same gateway. Prints wall times, the speed-up,
 * and the floor ceil(24/10) x 2 s that no client can beat. Target: the queue within 1.2x of the
 * floor, and no request ever rejected by the in-flight limit. Times are printed, never asserted
 * as a test; the process exits non-zero only when a request failed or was rejected.
 */
import OpenAI from 'openai';
import sharp from 'sharp';
import { createGatewayClient } from '../electron/services/gateway/gateway-client';
import type { GeneratePanelInput } from '../electron/services/gateway/gateway-types';
import { createGenerationQueue } from '../electron/services/gateway/generation-queue';
import { generateBody } from '../shared/generation/ideogram-request';
import type { QueueJob } from '../electron/services/gateway/queue-types';
import { prepareReferenceImage } from '../electron/services/image-safety/reference-image';
import { startFakeGateway } from '../test/fakes/gateway/fake-gateway';

const PANELS = 24;
const LATENCY_MS = 2000;
const IN_FLIGHT_LIMIT = 10;
const CONCURRENCY = 10;
const TARGET = 1.2;

async function referenceImage(): Promise<Buffer> {
  const svgFree = await sharp({ create: { width: 384, height: 512, channels: 3, background: { r: 190, g: 60, b: 50 } } })
    .composite([{ input: await sharp({ create: { width: 200, height: 200, channels: 3, background: { r: 240, g: 220, b: 200 } } }).png().toBuffer(), top: 60, left: 92 }])
    .png()
    .toBuffer();
  return svgFree;
}

function panels(reference: Buffer): GeneratePanelInput[] {
  return Array.from({ length: PANELS }, (_, i) => ({
    scene: `Panel ${i + 1}: Mara crosses the harbour at dusk, beat ${i + 1}`,
    shotType: (['WS', 'MS', 'CU'] as const)[i % 3],
    character: { name: 'Mara', description: 'a lighthouse keeper in a red raincoat', referencePng: reference },
    style: { prompt: 'ink and watercolour', renderingSpeed: 'TURBO' },
    aspectRatio: '16:9',
    variations: 1,
    seed: 1000 + i,
  }));
}

async function runQueue(baseURL: string, inputs: GeneratePanelInput[]): Promise<{ ms: number; stored: number; failed: number }> {
  const client = createGatewayClient({ apiKey: 'bench-key', baseURL });
  let stored = 0;
  const queue = createGenerationQueue({ client, concurrency: CONCURRENCY, onResult: () => void (stored += 1) });
  const jobs: QueueJob[] = inputs.map((input, i) => ({ id: `job-${i}`, kind: 'generate', panelId: `panel-${i}`, input }));
  const started = performance.now();
  queue.add(jobs);
  await queue.onIdle();
  const ms = performance.now() - started;
  const failed = queue.snapshot().counts.failed;
  queue.dispose();
  return { ms, stored, failed };
}

async function runSequential(baseURL: string, inputs: GeneratePanelInput[]): Promise<{ ms: number; images: number }> {
  const sdk = new OpenAI({ apiKey: 'bench-key', baseURL, maxRetries: 0 });
  const referenceDataUrl = (await prepareReferenceImage(inputs[0]!.character.referencePng)).dataUrl;
  let images = 0;
  const started = performance.now();
  for (const input of inputs) {
    const body = generateBody(input, { reference: referenceDataUrl });
    const answer = await sdk.images.generate(body as unknown as OpenAI.ImageGenerateParamsNonStreaming);
    images += answer.data?.filter((d) => d.b64_json && Buffer.from(d.b64_json, 'base64').length > 0).length ?? 0;
  }
  return { ms: performance.now() - started, images };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

async function main(): Promise<void> {
  const gateway = await startFakeGateway({ latencyMs: LATENCY_MS, maxInFlight: IN_FLIGHT_LIMIT });
  const inputs = panels(await referenceImage());
  const floorMs = Math.ceil(PANELS / IN_FLIGHT_LIMIT) * LATENCY_MS;
  try {
    const queue = await runQueue(gateway.url, inputs);
    const queueRejected = gateway.rejectedByInFlightLimit;
    const queuePeak = gateway.peakInFlight;
    gateway.reset();
    const sequential = await runSequential(gateway.url, inputs);
    const sequentialRejected = gateway.rejectedByInFlightLimit;

    const ofFloor = queue.ms / floorMs;
    console.log(`batch-generate: ${PANELS} panels, fake gateway latency ${LATENCY_MS} ms, in-flight limit ${IN_FLIGHT_LIMIT}`);
    console.table({
      'queue (concurrency 10)': { wall: seconds(queue.ms), images: queue.stored, failed: queue.failed, 'rejected by in-flight limit': queueRejected, 'peak in flight': queuePeak },
      'sequential SDK loop': { wall: seconds(sequential.ms), images: sequential.images, failed: PANELS - sequential.images, 'rejected by in-flight limit': sequentialRejected, 'peak in flight': 1 },
    });
    console.log(`floor ceil(${PANELS}/${IN_FLIGHT_LIMIT}) x ${LATENCY_MS / 1000} s = ${seconds(floorMs)}`);
    console.log(`speed-up (sequential / queue): ${(sequential.ms / queue.ms).toFixed(2)}x`);
    console.log(`queue / floor: ${ofFloor.toFixed(3)}x (target <= ${TARGET}x): ${ofFloor <= TARGET ? 'MET' : 'MISSED'}`);
    if (queueRejected > 0 || queue.failed > 0 || queue.stored !== PANELS || sequential.images !== PANELS) process.exitCode = 1;
  } finally {
    await gateway.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
