/**
 * Spent while a paid job waits, through the real queue and UI: the gateway (the fake, in async
 * mode, over real HTTP) accepts the panel's job with a 202 and makes the image over a few polls.
 * While it does, the status bar says the image is paid for and waiting, not just "Spent $0.00";
 * once it arrives Spent counts it at the cost the gateway reported, and the waiting note goes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGateway, type FakeGateway } from '../fakes/gateway/fake-gateway';
import { board, card, cardsWithTakes, imagesLoaded, saved, seedProject, useEditorRigs } from './support/editor-kit';

const openEditor = useEditorRigs();

let asyncGateway: FakeGateway | undefined;
const gatewayBefore = process.env.AIGATEWAY_BASE_URL;
beforeEach(async () => {
  // One poll answered "queued" (3 s after the submit), the next gives the image (4.5 s later).
  asyncGateway = await startFakeGateway({ mode: 'async', jobPendingPolls: 1 });
  // The harness uses the gateway named here instead of starting its own (test/harness/server.ts).
  process.env.AIGATEWAY_BASE_URL = asyncGateway.url;
});
afterEach(async () => {
  if (gatewayBefore === undefined) delete process.env.AIGATEWAY_BASE_URL;
  else process.env.AIGATEWAY_BASE_URL = gatewayBefore;
  await asyncGateway?.close();
  asyncGateway = undefined;
});

describe('status bar: Spent while a paid job waits at the gateway', () => {
  it('says "1 image paid, waiting to be collected" while the accepted job is made, then counts it in Spent', async () => {
    const rig = await openEditor({ width: 1440, height: 900 });
    await seedProject(rig, 1);
    const { page } = rig;
    await page.goto(rig.harness.url);
    await board(page).waitFor();
    const spent = page.getByTestId('spent');
    expect(await spent.textContent()).toBe('Spent $0.00');

    await card(page, 1).click();
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect.poll(() => spent.textContent(), { timeout: 10_000 }).toBe('Spent $0.00 · 1 image paid, waiting to be collected');
    expect(await spent.getAttribute('title')).toContain('Paid for and not here yet: 1 image (1 request) the gateway accepted.');
    expect(asyncGateway?.requests.filter((r) => r.method === 'POST')).toHaveLength(1);

    await expect.poll(() => cardsWithTakes(page), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => spent.textContent()).toBe('Spent $0.05');
    expect(await spent.getAttribute('title')).not.toContain('not here yet');
    expect(asyncGateway?.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    await imagesLoaded(page);
    await saved(page);
  });
});
