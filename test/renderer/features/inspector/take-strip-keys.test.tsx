/**
 * The inspector's take strip by keyboard: one Tab stop (roving tabindex), ←/→ and Home/End step
 * between the panel's takes, Enter or Space makes the focused take active (one undoable edit, as a
 * click is), and none of these keys moves the board's selection while the strip has focus.
 * Outside the strip the board's arrows still step through panels.
 */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

const card = (n: number) => within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: `Panel ${n}` });
const strip = (n: number) => screen.getByRole('region', { name: `Takes for panel ${n}` });
const takeButtons = (n: number) => within(strip(n)).getAllByRole('button', { name: /^Take \d/ });
const focusedName = () => document.activeElement?.getAttribute('aria-label');

describe('take strip by keyboard', () => {
  it('is one Tab stop; arrows, Home and End move focus between takes, and the board selection stays', async () => {
    const { user, store } = await renderApp({ project: sampleProject(3, [3, 1, 1]) });
    await user.click(card(1));
    // One tab stop for the strip: the take the board shows.
    expect(takeButtons(1).map((take) => take.tabIndex)).toEqual([0, -1, -1]);
    takeButtons(1)[0]?.focus();

    await user.keyboard('{ArrowRight}');
    expect(focusedName()).toBe('Take 2');
    await user.keyboard('{ArrowRight}');
    expect(focusedName()).toBe('Take 3');
    await user.keyboard('{ArrowRight}'); // the last take: focus stays, the board does not move on
    expect(focusedName()).toBe('Take 3');
    await user.keyboard('{Home}');
    expect(focusedName()).toBe('Take 1');
    await user.keyboard('{ArrowLeft}');
    expect(focusedName()).toBe('Take 1');
    await user.keyboard('{End}');
    expect(focusedName()).toBe('Take 3');
    await user.keyboard('{ArrowLeft}');
    expect(focusedName()).toBe('Take 2');

    // Only focus moved: the same panel is selected and its active take is unchanged.
    expect(store.getState().focusedId).toBe('p1');
    expect(store.getState().selectedIds).toEqual(['p1']);
    expect(takeButtons(1).map((take) => take.getAttribute('aria-pressed'))).toEqual(['true', 'false', 'false']);
    // The tab stop follows focus, so Tab out and back returns to the take last reached.
    expect(takeButtons(1).map((take) => take.tabIndex)).toEqual([-1, 0, -1]);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('Enter or Space makes the focused take active, one undoable edit each, as a click does', async () => {
    const { user, store } = await renderApp({ project: sampleProject(2, [3, 1]) });
    await user.click(card(1));
    const before = within(card(1)).getByRole('img').getAttribute('src');
    takeButtons(1)[0]?.focus();

    await user.keyboard('{End}{Enter}');
    expect(takeButtons(1).map((take) => take.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'true']);
    expect(within(card(1)).getByRole('img').getAttribute('src')).not.toBe(before);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    expect(focusedName()).toBe('Take 3');

    await user.keyboard('{ArrowLeft}[Space]');
    expect(takeButtons(1).map((take) => take.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false']);
    expect(store.temporal.getState().pastStates).toHaveLength(2);
    expect(store.getState().focusedId).toBe('p1');

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(within(card(1)).getByRole('img').getAttribute('src')).toBe(before);
  });

  it("outside the strip the board's arrows still step through panels", async () => {
    const { user, store } = await renderApp({ project: sampleProject(3, [3, 1, 1]) });
    await user.click(card(1));
    await user.keyboard('{ArrowRight}');
    expect(store.getState().focusedId).toBe('p2');
    await user.keyboard('{End}');
    expect(store.getState().focusedId).toBe('p3');
    await user.keyboard('{Home}{ArrowRight}');
    expect(store.getState().focusedId).toBe('p2');
  });

  it('the Keyboard shortcuts dialog lists the take strip keys', async () => {
    const { user } = await renderApp({ project: sampleProject(1, [2]) });
    await user.keyboard('?');
    const takes = within(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).getByRole('region', { name: /^Takes/ });
    const rows = Array.from(takes.querySelectorAll('.shortcut-row'), (row) => `${Array.from(row.querySelectorAll('kbd'), (key) => key.textContent).join('+')} ${row.querySelector('dd')?.textContent ?? ''}`);
    expect(rows).toEqual(['→ Next take', '← Previous take', 'Home First take', 'End Last take', expect.stringMatching(/^Enter Show the focused take on the board \(also Space/)]);
  });
});
