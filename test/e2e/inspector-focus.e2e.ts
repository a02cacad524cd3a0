/**
 * The keyboard in the inspector: a field Tab lands on is shown whole. Chromium scrolls a focused
 * field into view only when none of it shows, so the Scene box half under the Generate bar at
 * 1280x720 stayed cut off while the artist typed into it.
 */
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { card, openGeneratedBoard, useEditorRigs } from './support/editor-kit';

const openEditor = useEditorRigs();

describe('inspector focus', () => {
  it('Tab onto a field half under the Generate bar scrolls it into full view', async () => {
    const rig = await openEditor({ width: 1280, height: 720 });
    const page = await openGeneratedBoard(rig, 2);
    await card(page, 1).click();
    const inspector = page.getByRole('complementary', { name: 'Panel inspector' });
    const scene = inspector.getByLabel('Scene', { exact: true });
    const toggle = inspector.getByRole('button', { name: 'Panel section' });
    // Scroll the inspector so only the Scene box's top 40 px show above the Generate bar, then Tab onto it.
    await scene.evaluate((field) => {
      const box = field.closest('.inspector-scroll');
      if (!box) throw new Error('no inspector scroll box');
      box.scrollTop += field.getBoundingClientRect().top - (box.getBoundingClientRect().bottom - 40);
    });
    await toggle.evaluate((button) => (button as HTMLElement).focus({ preventScroll: true }));
    await page.keyboard.press('Tab');
    expect(await scene.evaluate((field) => field === document.activeElement)).toBe(true);
    const shown = await scene.evaluate((field) => {
      const box = field.closest('.inspector-scroll')?.getBoundingClientRect();
      const own = field.getBoundingClientRect();
      return box !== undefined && own.top >= box.top - 1 && own.bottom <= box.bottom + 1;
    });
    await screenshot(page, 'inspector-tab-to-scene-1280x720');
    expect(shown).toBe(true);
  });
});
