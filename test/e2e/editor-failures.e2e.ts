/**
 * What the artist sees when the gateway says no, through the real UI and queue: out of credits
 * (402) pauses the queue with the credits message until Resume; a rate limit (429) shows a live
 * Retry-After countdown; a safety rejection (422) fails only the panel it hit, in words, with a
 * Retry; a long message is clamped on the card and whole in the inspector. After every failure
 * the panel's previous take is still the active one.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { fault } from '../fakes/gateway/fake-faults';
import { screenshot } from './support/browser';
import { activeSrc, board, card, cardsWithTakes, imagesLoaded, useEditorRigs, seedProject, type EditorRig } from './support/editor-kit';

const openEditor = useEditorRigs();

/** A project with `count` panels, each with one generated take, open in the page. */
async function readyBoard(count: number, viewport?: { width: number; height: number }): Promise<{ rig: EditorRig; page: Page }> {
  const rig = await openEditor(viewport);
  await seedProject(rig, count);
  const { page } = rig;
  await page.goto(rig.harness.url);
  await board(page).waitFor();
  await page.getByRole('button', { name: 'Generate missing' }).click();
  await page.getByRole('dialog', { name: 'Generate missing panels' }).getByRole('button', { name: /^Generate \d+ images? \(/ }).click();
  await expect.poll(() => cardsWithTakes(page), { timeout: 30_000 }).toBe(count);
  return { rig, page };
}

/** How many lines a text element shows, and whether it hides some (a line clamp clips the rest). */
function drawnLines(text: Locator): Promise<{ lines: number; clipped: boolean }> {
  return text.evaluate((element) => ({
    lines: Math.round(element.clientHeight / parseFloat(getComputedStyle(element).lineHeight)),
    clipped: element.scrollHeight > element.clientHeight + 1,
  }));
}

function gateway(current: EditorRig) {
  const fake = current.harness.gateway;
  if (!fake) throw new Error('these tests need the harness fake gateway (unset AIGATEWAY_BASE_URL)');
  return fake;
}

describe('generation failures', () => {
  it('402 pauses the queue with the credits message; Resume finishes it; the previous take stays active', async () => {
    const { rig: current, page } = await readyBoard(2);
    const before = await activeSrc(page, 1);
    gateway(current).script(fault.status(402));
    await card(page, 1).click();
    await page.getByRole('button', { name: 'Generate', exact: true }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Out of credits' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Top up your AIgateway balance');
    expect(await card(page, 1).getByRole('status').textContent()).toContain('Paused');
    expect(await activeSrc(page, 1)).toBe(before);
    await imagesLoaded(page);
    await screenshot(page, 'editor-out-of-credits-1440x900');

    await alert.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Takes for panel 1' }).getByRole('button').count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => alert.count()).toBe(0);
    expect(await activeSrc(page, 1)).toBe(before);
  });

  it('429 shows a Retry-After countdown; Cancel all stops the wait; nothing changes', async () => {
    const { rig: current, page } = await readyBoard(3, { width: 1024, height: 700 });
    const before = await activeSrc(page, 2);
    gateway(current).script(fault.status(429, { retryAfter: '30' }));
    await card(page, 2).click();
    await page.getByRole('button', { name: 'Generate', exact: true }).click();

    const countdown = page.getByRole('status').filter({ hasText: 'Resuming in' });
    await countdown.waitFor();
    await expect.poll(async () => /Resuming in 0:(2\d|30)/.test((await countdown.textContent()) ?? '')).toBe(true);
    const first = await countdown.locator('strong').textContent();
    await expect.poll(() => countdown.locator('strong').textContent(), { timeout: 5000 }).not.toBe(first);
    await imagesLoaded(page);
    await screenshot(page, 'editor-rate-limited-1024x700');

    await page.getByRole('button', { name: 'Cancel all' }).click();
    await expect.poll(() => card(page, 2).getByRole('status').count()).toBe(0);
    expect(await activeSrc(page, 2)).toBe(before);
  });

  it('422 fails only the panel it hit, says why, offers Retry, and keeps its take', async () => {
    const { rig: current, page } = await readyBoard(3);
    const before = await Promise.all([1, 2, 3].map((n) => activeSrc(page, n)));
    gateway(current).script(fault.status(422));
    await page.keyboard.press('Control+a');
    await page.keyboard.press('g');
    await page.getByRole('dialog', { name: 'Generate selected panels' }).getByRole('button', { name: 'Generate 3 images ($0.15)' }).click();

    const failed = board(page).getByRole('alert');
    await expect.poll(() => failed.count(), { timeout: 20_000 }).toBe(1);
    expect(await failed.textContent()).toContain('safety check');
    await expect.poll(async () => (await Promise.all([1, 2, 3].map((n) => card(page, n).locator('.take-count').textContent()))).sort()).toEqual(['1 take', '2 takes', '2 takes']);
    expect(await Promise.all([1, 2, 3].map((n) => activeSrc(page, n)))).toEqual(before);
    await imagesLoaded(page);
    await screenshot(page, 'editor-safety-rejected-1440x900');

    await failed.getByRole('button', { name: /^Retry panel \d$/ }).click();
    await expect.poll(() => failed.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(async () => (await Promise.all([1, 2, 3].map((n) => card(page, n).locator('.take-count').textContent()))).sort()).toEqual(['2 takes', '2 takes', '2 takes']);
  });

  it('a reset after sending is "outcome unknown": counted as paid, and Retry sends the same request again', async () => {
    const { rig: current, page } = await readyBoard(2);
    const fake = gateway(current);
    const before = await activeSrc(page, 1);
    fake.script(fault.drop());
    await card(page, 1).click();
    await page.getByRole('button', { name: 'Generate', exact: true }).click();

    const failed = board(page).getByRole('alert');
    await expect.poll(() => failed.count(), { timeout: 20_000 }).toBe(1);
    expect(await failed.textContent()).toContain('may have been charged');
    // The message ends with why Retry is safe: whole in the inspector, whole in the card's title
    // behind its three-line clamp.
    const whole = page.getByRole('complementary', { name: 'Panel inspector' }).getByRole('alert').locator('.job-error');
    expect(await whole.textContent()).toContain('does not charge twice');
    expect(await drawnLines(whole)).toMatchObject({ clipped: false });
    expect((await drawnLines(whole)).lines).toBeGreaterThan(3);
    const onCard = failed.locator('.job-error');
    expect(await drawnLines(onCard)).toEqual({ lines: 3, clipped: true });
    expect(await onCard.getAttribute('title')).toBe(await whole.textContent());
    await expect.poll(() => page.getByTestId('spent').textContent()).toContain('(1 outcome unknown)');
    expect(await activeSrc(page, 1)).toBe(before);
    await imagesLoaded(page);
    await screenshot(page, 'editor-outcome-unknown-1440x900');

    const postsBefore = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/images/generations');
    await failed.getByRole('button', { name: 'Retry panel 1' }).click();
    await expect.poll(() => failed.count(), { timeout: 20_000 }).toBe(0);
    // The alert goes as soon as the retry is queued; the spend line changes only once it landed.
    await expect.poll(() => page.getByTestId('spent').textContent(), { timeout: 20_000 }).not.toContain('outcome unknown');
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/images/generations');
    expect(posts).toHaveLength(postsBefore.length + 1);
    expect(posts.at(-1)?.idempotencyKey).toBe(posts.at(-2)?.idempotencyKey);
  });

  it('a failure on a panel with no take yet covers the empty frame cleanly: no "No take yet" half under the message', async () => {
    const rig = await openEditor({ width: 1280, height: 720 });
    await seedProject(rig, 2);
    const { page } = rig;
    await page.goto(rig.harness.url);
    await board(page).waitFor();
    gateway(rig).script(fault.status(422));
    await card(page, 1).click();
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    const failed = card(page, 1).getByRole('alert');
    await failed.waitFor({ timeout: 20_000 });
    await screenshot(page, 'editor-failed-without-take-1280x720');
    // Whatever of the empty frame's words still shows must not run under the failure message.
    const overlap = await card(page, 1).evaluate((element) => {
      const alert = element.querySelector('[role="alert"]')?.getBoundingClientRect();
      const words = Array.from(element.querySelectorAll('.panel-placeholder *')).filter((node) => getComputedStyle(node).visibility === 'visible');
      return words.some((node) => {
        const box = node.getBoundingClientRect();
        return !!alert && box.height > 0 && box.bottom > alert.top && box.top < alert.bottom;
      });
    });
    expect(overlap).toBe(false);
    // The other, untouched panel still says it has no take.
    expect(await card(page, 2).getByText('No take yet').isVisible()).toBe(true);
  });
});
