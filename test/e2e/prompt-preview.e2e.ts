/**
 * Issue #11 in the real renderer over the harness and the fake gateway: the inspector's preview
 * follows shot, angle and movement as they change, the body the gateway receives is the one the
 * preview showed, and a "No character" panel cannot be generated (the reason is on screen).
 */
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { card, cardsWithTakes, seedProject, useEditorRigs } from './support/editor-kit';

const openEditor = useEditorRigs();

describe('prompt preview', () => {
  it('follows framing changes, is exactly what is sent, and refuses "No character" with the reason', async () => {
    const rig = await openEditor();
    await seedProject(rig, 2);
    const { page } = rig;
    await page.goto(rig.harness.url);
    await card(page, 1).click();
    const prompt = page.getByLabel('Prompt to be sent');
    await expect.poll(() => prompt.textContent()).toBe('Medium shot, eye-level. Mara in scene 1. Character: Mara, red raincoat, short silver hair.');

    await page.getByLabel('Shot type').selectOption('CU');
    await expect.poll(() => prompt.textContent()).toMatch(/^Close-up, eye-level\. /);
    await page.getByLabel('Camera angle').selectOption('LOW');
    await expect.poll(() => prompt.textContent()).toMatch(/^Close-up, low angle\. /);
    await page.getByLabel('Camera movement').selectOption('HANDHELD');
    await expect.poll(() => prompt.textContent()).toMatch(/^Close-up, low angle, handheld camera\. Mara in scene 1\./);
    await page.getByLabel('Style type', { exact: true }).selectOption('REALISTIC');
    const shown = await prompt.textContent();
    await page.getByLabel('Parameters to be sent').scrollIntoViewIfNeeded();
    await screenshot(page, 'inspector-prompt-preview');

    // What the gateway receives is what the preview showed.
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect.poll(() => cardsWithTakes(page), { timeout: 30_000 }).toBe(1);
    const sent = rig.harness.gateway?.requests.find((request) => request.method === 'POST')?.body as Record<string, unknown>;
    expect(sent.prompt).toBe(shown);
    expect(sent).toMatchObject({ magic_prompt: 'OFF', style_type: 'REALISTIC', model: 'ideogram/ideogram-character' });
    await page.getByText('Prompt of take 1').click();
    expect(await page.getByLabel('Stored prompt of take 1').textContent()).toBe(shown);

    // "No character": nothing can be sent, and the inspector says why.
    await card(page, 2).click();
    await page.getByLabel('Featured character').selectOption({ label: 'No character' });
    await expect.poll(() => page.getByRole('button', { name: 'Generate', exact: true }).isDisabled()).toBe(true);
    await expect.poll(() => page.getByText(/^No character: Ideogram Character draws every image/).count()).toBeGreaterThan(0);
    expect(await page.getByRole('note', { name: 'Why this panel cannot be sent' }).textContent()).toContain('No character');
    expect(await page.getByText('In 1 panel', { exact: true }).count()).toBe(1);
    await page.getByRole('note', { name: 'Why this panel cannot be sent' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'inspector-no-character');
  });
});
