/**
 * Sketch to panel through the real UI, services and fake gateway (issue #15): strokes drawn with
 * the mouse on the sketch pad, one undone, "Use sketch" makes a PNG take, and "Render with
 * character" sends a Character Remix with that PNG as `image`, the character's reference and the
 * chosen image weight; the rendered take is linked to the sketch take. Also: an image file
 * dropped on a card (dataTransfer) and one pasted from the clipboard become panel takes. The pad
 * fits a small laptop's window (tools, whole canvas at the project's aspect ratio, Use sketch, no
 * scrolling; a screenshot of each size lands in test-results/), and its undo keys work wherever
 * focus is in the dialog, including after Clear.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { IMAGES_DIR } from '../../shared/domain/project-image-ref';
import { decodePoints } from '../../shared/domain/sketch-format';
import { RENDER_IMAGE_WEIGHTS } from '../../shared/generation/render-plan';
import { makeReadOnly } from '../electron/services/project/read-only-folder';
import { noisyPng } from '../fakes/gateway/test-images';
import { screenshot } from './support/browser';
import { board, card, imagesLoaded, openSketchPad, saved, seedProject, useEditorRigs, type EditorRig } from './support/editor-kit';

const openEditor = useEditorRigs();

const panelOf = (rig: EditorRig, index: number) => rig.harness.services.workspace.project().panels[index];

/** The mean colour of a data URL's image, to tell which image was sent. */
async function meanColour(dataUrl: string): Promise<number[]> {
  const stats = await sharp(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')).stats();
  return stats.channels.slice(0, 3).map((channel) => Math.round(channel.mean));
}

async function drawStroke(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const box = await page.getByLabel('Sketch canvas').boundingBox();
  if (!box) throw new Error('the sketch canvas is not on screen');
  await page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await page.mouse.down();
  for (let step = 1; step <= 12; step += 1) {
    const t = step / 12;
    await page.mouse.move(box.x + box.width * (from[0] + (to[0] - from[0]) * t), box.y + box.height * (from[1] + (to[1] - from[1]) * t));
  }
  await page.mouse.up();
}

/** Wholly inside the window and the dialog's visible box, not scrolled out of it (1 px of rounding allowed). */
async function expectInView(page: Page, locator: Locator, what: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  const dialog = await page.getByRole('dialog').boundingBox();
  if (!box || !dialog) throw new Error(`${what} is not rendered`);
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const top = Math.max(0, dialog.y);
  const bottom = Math.min(viewport.height, dialog.y + dialog.height);
  const left = Math.max(0, dialog.x);
  const right = Math.min(viewport.width, dialog.x + dialog.width);
  const inside = box.x >= left - 1 && box.y >= top - 1 && box.x + box.width <= right + 1 && box.y + box.height <= bottom + 1;
  expect({ what, inside, box, dialog, viewport }).toMatchObject({ inside: true });
  return box;
}

const strokeCount = (rig: EditorRig) => panelOf(rig, 0)?.sketch?.strokes.length ?? 0;

describe('sketch to panel', () => {
  it('draws, undoes a stroke, uses the sketch, and renders the character into it', async () => {
    const rig = await openEditor({ width: 1440, height: 900 });
    const pad = await openSketchPad(rig, 2);
    const { page } = rig;

    await drawStroke(page, [0.1, 0.8], [0.5, 0.2]);
    await drawStroke(page, [0.5, 0.2], [0.9, 0.8]);
    await page.getByRole('button', { name: 'Dark grey (2)' }).click();
    await drawStroke(page, [0.1, 0.5], [0.9, 0.5]);
    await expect.poll(() => pad.textContent()).toContain('3 strokes');
    await screenshot(page, 'sketch-pad-1440x900');
    await pad.getByRole('button', { name: 'Undo stroke' }).click();
    await expect.poll(() => pad.textContent()).toContain('2 strokes');
    // The strokes are in the project as data, the undone one gone.
    await expect.poll(() => panelOf(rig, 0)?.sketch?.strokes.length).toBe(2);

    await pad.getByRole('button', { name: 'Use sketch' }).click();
    await pad.waitFor({ state: 'hidden' });
    await expect.poll(() => panelOf(rig, 0)?.takes.length).toBe(1);
    const sketchTake = panelOf(rig, 0)?.takes[0];
    expect(sketchTake).toMatchObject({ origin: 'sketch', costCents: 0, width: 1312, height: 736 });

    await page.getByRole('radio', { name: 'Close: keep the drawing' }).check();
    expect(await page.locator('.panel-image-section .cost-hint').textContent()).toContain('$0.05');
    await page.getByRole('button', { name: 'Render with character' }).click();
    await expect.poll(() => panelOf(rig, 0)?.takes.length, { timeout: 20_000 }).toBe(2);

    const posts = (rig.harness.gateway?.requests ?? []).filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(1);
    const body = posts[0]?.body as { model: string; image: string; image_weight: number; character_reference_images: string[] };
    expect(body.model).toBe('ideogram/ideogram-character-remix');
    expect(body.image_weight).toBe(RENDER_IMAGE_WEIGHTS.close);
    const sent = await sharp(Buffer.from(body.image.slice(body.image.indexOf(',') + 1), 'base64')).raw().toBuffer({ resolveWithObject: true });
    const kept = await sharp(await rig.harness.services.workspace.readImage(sketchTake?.image ?? '')).raw().toBuffer({ resolveWithObject: true });
    expect([sent.info.width, sent.info.height]).toEqual([kept.info.width, kept.info.height]);
    expect(sent.data.equals(kept.data)).toBe(true);
    // The seeded reference is solid blue (40, 90, 200): that is the character reference sent.
    expect(body.character_reference_images).toHaveLength(1);
    const [r, g, b] = await meanColour(body.character_reference_images[0] ?? '');
    expect(Math.abs((r ?? 0) - 40) + Math.abs((g ?? 0) - 90) + Math.abs((b ?? 0) - 200)).toBeLessThan(12);

    const rendered = panelOf(rig, 0)?.takes[1];
    expect(rendered).toMatchObject({ model: 'ideogram/ideogram-character-remix', sourceTakeId: sketchTake?.id });
    await expect.poll(() => panelOf(rig, 0)?.activeTakeId).toBe(rendered?.id);
    await imagesLoaded(page);
    await screenshot(page, 'sketch-rendered-1440x900');
    await saved(page);
  });

  it('takes an image file dropped on a panel card, and one pasted from the clipboard', async () => {
    const rig = await openEditor({ width: 1440, height: 900 });
    await seedProject(rig, 2);
    const { page } = rig;
    page.setDefaultTimeout(10_000);
    await page.goto(rig.harness.url);
    await board(page).waitFor();
    const dropped = (await noisyPng(160, 90)).toString('base64');
    await card(page, 2).evaluate((element, base64) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'rough-layout.png', { type: 'image/png' }));
      element.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      element.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, dropped);
    await expect.poll(() => panelOf(rig, 1)?.takes.length).toBe(1);
    expect(panelOf(rig, 1)?.takes[0]).toMatchObject({ origin: 'imported', fileName: 'rough-layout.png', costCents: 0 });
    await expect.poll(() => card(page, 2).getByRole('img', { name: 'Panel 2, take on the board' }).count()).toBe(1);
    // A panel without a character keeps its image; rendering it says what it needs.
    await page.getByLabel('Featured character').selectOption({ label: 'No character' });
    expect(await page.getByRole('button', { name: 'Render with character' }).isDisabled()).toBe(true);
    expect(await page.locator('.panel-image-section .cost-hint').textContent()).toContain('Rendering needs a character');

    await card(page, 1).click();
    const pasted = (await sharp(await noisyPng(120, 90)).jpeg().toBuffer()).toString('base64');
    await page.evaluate((base64) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'image.jpg', { type: 'image/jpeg' }));
      (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: transfer }));
    }, pasted);
    await expect.poll(() => panelOf(rig, 0)?.takes.length).toBe(1);
    expect(panelOf(rig, 0)?.takes[0]).toMatchObject({ origin: 'imported', fileName: 'image.jpg', width: 120, height: 90 });
    expect((rig.harness.gateway?.requests ?? []).filter((request) => request.method === 'POST')).toHaveLength(0);
    await imagesLoaded(page);
    await saved(page);
  });

  it.each([
    { width: 1024, height: 640 },
    { width: 1280, height: 720 },
  ])('fits $width x $height: tools, the whole canvas at the project aspect ratio and Use sketch, without scrolling', async (size) => {
    const rig = await openEditor(size);
    const pad = await openSketchPad(rig);
    const { page } = rig;
    const canvas = page.getByLabel('Sketch canvas');
    await expectInView(page, pad.getByRole('button', { name: 'Pen', exact: true }), 'the Pen tool');
    await expectInView(page, pad.getByRole('button', { name: 'Draw over the take on the board' }), 'the last tool');
    const box = await expectInView(page, canvas, 'the sketch canvas');
    await expectInView(page, pad.getByRole('button', { name: 'Use sketch' }), 'Use sketch');
    await expectInView(page, pad.getByText('kept in the project as you draw'), 'the stroke count');
    const scroll = await pad.evaluate((dialog) => ({ scrollHeight: dialog.scrollHeight, clientHeight: dialog.clientHeight }));
    expect(scroll.scrollHeight).toBeLessThanOrEqual(scroll.clientHeight + 1);
    // The seeded project is 16:9, drawn at 1312x736: the canvas on screen has that shape, not stretched.
    expect(Math.abs(box.width / box.height - 1312 / 736)).toBeLessThan(0.01);
    expect(box.height).toBeGreaterThan(size.height * 0.45);

    // A stroke lands in the sketch where the pointer drew it.
    await drawStroke(page, [0.1, 0.5], [0.9, 0.5]);
    await expect.poll(() => strokeCount(rig)).toBe(1);
    const values = decodePoints(panelOf(rig, 0)?.sketch?.strokes[0]?.points ?? '');
    const xs = values.filter((_, index) => index % 3 === 0);
    const ys = values.filter((_, index) => index % 3 === 1);
    expect(Math.min(...xs)).toBeCloseTo(0.1, 2);
    expect(Math.max(...xs)).toBeCloseTo(0.9, 2);
    for (const y of ys) expect(y).toBeCloseTo(0.5, 2);
    await screenshot(page, `sketch-pad-${size.width}x${size.height}`);
    await saved(page);
  });

  it('draws over the take on the board, named as the rest of the app names it, and still fits 1024 x 640', async () => {
    const rig = await openEditor({ width: 1024, height: 640 });
    let pad = await openSketchPad(rig);
    const { page } = rig;
    const drawOver = () => pad.getByRole('button', { name: 'Draw over the take on the board' });
    const onionOption = () => pad.getByLabel('Onion skin').getByRole('option', { name: 'Onion: the take on the board' });
    // No take yet: nothing to draw over or to see through.
    expect(await drawOver().isDisabled()).toBe(true);
    expect(await onionOption().isDisabled()).toBe(true);

    // The sketch kept with Use sketch is the panel's take on the board; the pad opened again offers it.
    await drawStroke(page, [0.1, 0.8], [0.9, 0.2]);
    await pad.getByRole('button', { name: 'Use sketch' }).click();
    await pad.waitFor({ state: 'hidden' });
    await expect.poll(() => panelOf(rig, 0)?.takes.length).toBe(1);
    await page.getByRole('button', { name: 'Edit sketch' }).click();
    pad = page.getByRole('dialog', { name: 'Sketch panel 1' });
    await pad.waitFor();
    expect(await onionOption().isDisabled()).toBe(false);
    await pad.getByLabel('Onion skin').selectOption({ label: 'Onion: the take on the board' });
    await pad.getByRole('img', { name: 'Onion skin' }).waitFor();
    expect(await drawOver().getAttribute('title')).toBe('Draw over the take on the board: it shows under your strokes, and Use sketch keeps them on it');
    await drawOver().click();
    await pad.getByRole('img', { name: 'The take this sketch is drawn over' }).waitFor();
    await expect.poll(() => panelOf(rig, 0)?.sketch?.baseTakeId).toBe(panelOf(rig, 0)?.activeTakeId);
    expect(await drawOver().isDisabled()).toBe(true);

    // The widest toolbar (Plain paper shown too) still leaves the whole pad on screen, unscrolled.
    await expectInView(page, pad.getByRole('button', { name: 'Plain paper' }), 'Plain paper');
    const box = await expectInView(page, page.getByLabel('Sketch canvas'), 'the sketch canvas');
    await expectInView(page, pad.getByRole('button', { name: 'Use sketch' }), 'Use sketch');
    const scroll = await pad.evaluate((dialog) => ({ scrollHeight: dialog.scrollHeight, clientHeight: dialog.clientHeight }));
    expect(scroll.scrollHeight).toBeLessThanOrEqual(scroll.clientHeight + 1);
    expect(box.height).toBeGreaterThan(640 * 0.45);
    await screenshot(page, 'sketch-pad-over-take-1024x640');
    await saved(page);
  });

  it('undoes with Ctrl+Z after Clear and from the close button, focus staying in the pad', async () => {
    const rig = await openEditor({ width: 1280, height: 720 });
    const pad = await openSketchPad(rig);
    const { page } = rig;
    // The pad opens ready to draw: focus on the canvas, where its keys act, not on the close button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Sketch canvas');
    await drawStroke(page, [0.1, 0.8], [0.5, 0.2]);
    await drawStroke(page, [0.5, 0.2], [0.9, 0.8]);
    await drawStroke(page, [0.1, 0.5], [0.9, 0.5]);
    await expect.poll(() => strokeCount(rig)).toBe(3);

    await pad.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => strokeCount(rig)).toBe(0);
    expect(await pad.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => pad.textContent()).toContain('3 strokes');
    await expect.poll(() => strokeCount(rig)).toBe(3);

    await pad.getByRole('button', { name: 'Close sketch panel 1' }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => pad.textContent()).toContain('2 strokes');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => pad.textContent()).toContain('3 strokes');

    // Focus on the page itself (a click on the dialog's plain text puts it there): the keys still reach the pad.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await expect.poll(() => pad.textContent()).toContain('2 strokes');
    await page.keyboard.press('Control+y');
    await expect.poll(() => pad.textContent()).toContain('3 strokes');
    expect(await pad.isVisible()).toBe(true);
    await expect.poll(() => strokeCount(rig)).toBe(3);
    await saved(page);
  });

  it('a dropdown keeps its own letters and digits; on the canvas they pick the tool and grey', async () => {
    const rig = await openEditor({ width: 1280, height: 720 });
    const pad = await openSketchPad(rig);
    const { page } = rig;
    const pressed = (name: string) => pad.getByRole('button', { name, exact: true }).getAttribute('aria-pressed');
    const size = pad.getByLabel('Pen size');
    await size.focus();
    await page.keyboard.press('8');
    await page.keyboard.press('e');
    await expect.poll(() => size.inputValue()).toBe('8');
    expect(await pressed('Eraser')).toBe('false');
    expect(await pressed('Mid grey (3)')).toBe('false');

    await page.getByLabel('Sketch canvas').focus();
    await page.keyboard.press('3');
    await expect.poll(() => pressed('Mid grey (3)')).toBe('true');
    await page.keyboard.press('e');
    await expect.poll(() => pressed('Eraser')).toBe('true');
  });

  it('Use sketch that cannot be saved (images/ read-only) says why, keeps the pad open and focus in it', async () => {
    const rig = await openEditor({ width: 1280, height: 720 });
    const pad = await openSketchPad(rig);
    const { page } = rig;
    await drawStroke(page, [0.1, 0.8], [0.5, 0.2]);
    await expect.poll(() => strokeCount(rig)).toBe(1);
    const undoers: Array<() => Promise<void>> = [];
    const root = rig.harness.services.workspace.current()?.root ?? '';
    if ((await makeReadOnly(path.join(root, IMAGES_DIR), undoers)) === null) throw new Error('This machine can make no folder read-only (chmod, chattr +i).');
    try {
      await pad.getByRole('button', { name: 'Use sketch' }).click();
      const alert = pad.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('could not add the image');
      expect(await pad.getByRole('button', { name: 'Use sketch' }).isEnabled()).toBe(true);
      // The button was disabled while it saved: focus comes back to the canvas, not the page body.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Sketch canvas');
      await screenshot(page, 'sketch-use-failed-1280x720');
      expect(panelOf(rig, 0)?.takes).toHaveLength(0);
    } finally {
      for (const undo of undoers.splice(0)) await undo();
    }
    await pad.getByRole('button', { name: 'Use sketch' }).click();
    await pad.waitFor({ state: 'hidden' });
    expect(panelOf(rig, 0)?.takes).toHaveLength(1);
    await saved(page);
  });
});
