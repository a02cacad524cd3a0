/**
 * Sketch data in the project (issue #15): strokes drawn on the pad are saved in project.json,
 * come back after the project is closed and reopened, and can still be undone stroke by stroke.
 * A 2,000-stroke sketch (strokes shaped like the pad records them) opens, redraws after an undo
 * and saves; the times are printed next to an empty sketch's, not asserted (bench figures).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodePoints, ProjectSchema, type SketchStroke } from '../../shared/domain/project';
import { board, card, openSketchPad, saved, seedProject, useEditorRigs, type EditorRig } from './support/editor-kit';

const openEditor = useEditorRigs();

async function scribble(page: Page, y: number): Promise<void> {
  const box = await page.getByLabel('Sketch canvas').boundingBox();
  if (!box) throw new Error('the sketch canvas is not on screen');
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * y);
  await page.mouse.down();
  for (let step = 1; step <= 8; step += 1) await page.mouse.move(box.x + box.width * (0.2 + step * 0.07), box.y + box.height * (y + (step % 2) * 0.05));
  await page.mouse.up();
}

async function reopen(rig: EditorRig): Promise<string> {
  const { workspace } = rig.harness.services;
  const root = workspace.root();
  if (!root) throw new Error('no project open');
  await workspace.close();
  await workspace.openPath(root);
  await rig.page.reload();
  await board(rig.page).waitFor();
  return root;
}

/** Strokes as the pad records them: x, y in 0..1, pressure 0.5 from a mouse, 24 samples each. */
function recordedStrokes(count: number): SketchStroke[] {
  return Array.from({ length: count }, (_, index) => {
    const x = (index % 50) / 50;
    const y = Math.floor(index / 50) / 40;
    const points = encodePoints(Array.from({ length: 24 }, (__, step) => [x + step * 0.002, y + Math.sin(step) * 0.01, 0.5]).flat());
    return { tool: index % 25 === 24 ? 'eraser' : 'pen', grey: [20, 90, 150, 200][index % 4] ?? 20, size: 4, points };
  });
}

/** Milliseconds from a click until the next frame is painted, measured in the page. */
async function clickToPaint(page: Page, selector: string): Promise<number> {
  return page.evaluate(async (target) => {
    const start = performance.now();
    document.querySelector<HTMLElement>(target)?.click();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now() - start;
  }, selector);
}

describe('sketch data', () => {
  it('round-trips through save and reopen, and undo still takes strokes back', async () => {
    const rig = await openEditor();
    await openSketchPad(rig);
    const { page } = rig;
    await scribble(page, 0.3);
    await scribble(page, 0.6);
    await page.getByRole('button', { name: 'Close sketch panel 1' }).click();
    await saved(page);

    const root = await reopen(rig);
    const onDisk = ProjectSchema.parse(JSON.parse(await readFile(path.join(root, 'project.json'), 'utf8')));
    expect(onDisk.panels[0]?.sketch?.strokes).toHaveLength(2);
    await card(page, 1).click();
    await page.getByRole('button', { name: 'Edit sketch' }).click();
    const pad = page.getByRole('dialog', { name: 'Sketch panel 1' });
    await expect.poll(() => pad.textContent()).toContain('2 strokes');
    await pad.getByRole('button', { name: 'Undo stroke' }).click();
    await expect.poll(() => pad.textContent()).toContain('1 stroke ·');
    await expect.poll(() => rig.harness.services.workspace.project().panels[0]?.sketch?.strokes).toEqual(onDisk.panels[0]?.sketch?.strokes.slice(0, 1));
    await pad.getByRole('button', { name: 'Redo stroke' }).click();
    await expect.poll(() => rig.harness.services.workspace.project().panels[0]?.sketch?.strokes.length).toBe(2);
    await saved(page);
  });

  it('opens, undoes and saves a 2,000-stroke sketch (prints the figures)', async () => {
    const rig = await openEditor();
    await seedProject(rig, 2);
    const { workspace } = rig.harness.services;
    const project = workspace.project();
    const strokes = recordedStrokes(2000);
    workspace.update({ ...project, panels: project.panels.map((panel, index) => (index === 0 ? { ...panel, sketch: { strokes } } : panel)) });
    const saveStart = performance.now();
    await workspace.save();
    const saveMs = performance.now() - saveStart;
    const json = await readFile(path.join(workspace.root() ?? '', 'project.json'), 'utf8');

    const { page } = rig;
    page.setDefaultTimeout(20_000);
    await page.goto(rig.harness.url);
    await card(page, 2).click();
    const emptyOpenMs = await clickToPaint(page, '.panel-image-section .button-row button');
    await page.getByRole('button', { name: 'Close sketch panel 2' }).click();
    await card(page, 1).click();
    const openMs = await clickToPaint(page, '.panel-image-section .button-row button');
    const pad = page.getByRole('dialog', { name: 'Sketch panel 1' });
    await expect.poll(() => pad.textContent()).toContain('2000 strokes');
    const undoMs = await clickToPaint(page, '.sketch-tools button[title^="Undo"]');
    await expect.poll(() => pad.textContent()).toContain('1999 strokes');
    console.log(
      `2,000-stroke sketch: project.json ${(json.length / 1e6).toFixed(2)} MB, save ${saveMs.toFixed(1)} ms (target < 50 ms); ` +
        `open and draw ${openMs.toFixed(1)} ms vs empty sketch ${emptyOpenMs.toFixed(1)} ms; redraw after undo ${undoMs.toFixed(1)} ms (target < 100 ms)`,
    );
    await expect.poll(() => workspace.project().panels[0]?.sketch?.strokes.length, { timeout: 20_000 }).toBe(1999);
    await saved(page);
  });
});
