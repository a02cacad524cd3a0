/**
 * The consistency bar as the artist uses it: the threshold box keeps what is typed until it is a
 * number in range (then saves it), and says so when it is out of range instead of snapping back.
 */
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TakeConsistency } from '../../../../shared/domain/consistency';
import { renderApp, type Rendered } from '../../render-app';
import { SAMPLE_REFERENCE, sampleOutcome as outcome, sampleProject } from '../../store-kit';

afterEach(cleanup);


/** Three panels with a take each; panel 2 drifted, as after a check. */
async function checkedBoard(): Promise<Rendered & { bar: HTMLElement }> {
  const rendered = await renderApp({ project: sampleProject(3, [1, 1, 1]) });
  act(() => rendered.emit('consistency:results', { results: [outcome('p1', 'p1-t1', 0.3), outcome('p2', 'p2-t1', 0.7), outcome('p3', 'p3-t1', 0.4)] }));
  return { ...rendered, bar: screen.getByRole('region', { name: 'Consistency' }) };
}

describe('the threshold box', () => {
  it('keeps what is typed and saves it once it is a number in range', async () => {
    const { user, bar, callsTo } = await checkedBoard();
    const box = within(bar).getByLabelText<HTMLInputElement>('Threshold');
    await user.tripleClick(box);
    await user.keyboard('0.8');
    expect(box.value).toBe('0.8');
    expect(callsTo('settings:update').at(-1)).toEqual({ consistencyThreshold: 0.8 });
    expect(bar.textContent).toContain('0 drifted');
    expect(within(bar).queryByRole('alert')).toBeNull();
  });

  it('says when a value is out of range, saves nothing, and on leaving shows the threshold still in force', async () => {
    const { user, bar, callsTo } = await checkedBoard();
    const box = within(bar).getByLabelText<HTMLInputElement>('Threshold');
    await user.tripleClick(box);
    await user.keyboard('0.1');
    expect(box.value).toBe('0.1');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(within(bar).getByRole('alert').textContent).toBe('The threshold goes from 0.2 to 0.9: it stays 0.5 until you type a number in that range.');
    expect(callsTo('settings:update')).toEqual([]);
    await user.tab();
    expect(box.value).toBe('0.5');
    expect(within(bar).getByRole('alert').textContent).toBe('0.1 is outside 0.2 to 0.9: the threshold stays 0.5.');
    expect(bar.textContent).toContain('1 drifted');
  });

  it('a threshold in range on the way to one out of range does not stay: typing 0.95 keeps 0.5 and says so', async () => {
    const { user, bar, callsTo } = await checkedBoard();
    const box = within(bar).getByLabelText<HTMLInputElement>('Threshold');
    await user.tripleClick(box);
    await user.keyboard('0.95');
    expect(box.value).toBe('0.95');
    expect(callsTo('settings:update').at(-1)).toEqual({ consistencyThreshold: 0.5 });
    expect(within(bar).getByRole('alert').textContent).toBe('The threshold goes from 0.2 to 0.9: it stays 0.5 until you type a number in that range.');
    await user.tab();
    expect(box.value).toBe('0.5');
    expect(within(bar).getByRole('alert').textContent).toBe('0.95 is outside 0.2 to 0.9: the threshold stays 0.5.');
    expect(bar.textContent).toContain('1 drifted');
  });
});

describe('the drifted-panels filter', () => {
  const shownCards = () => within(screen.getByRole('list', { name: 'Panels' })).getAllByRole('listitem').map((item) => item.getAttribute('aria-label'));

  it('keeps a panel added (N) or duplicated (D) while it is on in view, with the drifted ones', async () => {
    const { user, bar, store } = await checkedBoard();
    await user.click(within(bar).getByRole('button', { name: 'Show drifted panels only' }));
    expect(shownCards()).toEqual(['Panel 2']);

    await user.click(within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: 'Panel 2' }));
    await user.keyboard('n');
    const added = store.getState().focusedId;
    expect(screen.getByRole('heading', { name: 'Panel 3' })).toBeTruthy();
    expect(shownCards()).toEqual(['Panel 2', 'Panel 3']);

    // The new panel's Scene has the keyboard; Escape gives it back to the board for D.
    await user.keyboard('{Escape}d');
    expect(store.getState().focusedId).not.toBe(added);
    expect(shownCards()).toEqual(['Panel 2', 'Panel 3', 'Panel 4']);

    // The panels that were there and did not drift stay filtered out; turning it off shows all.
    await user.click(within(bar).getByRole('button', { name: 'Show all panels' }));
    expect(shownCards()).toEqual(['Panel 1', 'Panel 2', 'Panel 3', 'Panel 4', 'Panel 5']);
  });
});

describe('Check consistency before any panel has a take', () => {
  it('says there is nothing to check yet (button or C) and asks main for nothing', async () => {
    const { user, callsTo } = await renderApp({ project: sampleProject(2) });
    const notice = () => screen.queryByText(/^Nothing to check yet: no panel has a take\./)?.closest('[role="status"]');
    await user.click(screen.getByRole('button', { name: /^Check consistency/ }));
    expect(notice()).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Dismiss notice' }));
    expect(notice()).toBeFalsy();
    await user.keyboard('c');
    expect(notice()).toBeTruthy();
    expect(callsTo('consistency:check')).toEqual([]);
  });
});

describe('a panel not checked because the reference image file is gone', () => {
  it('says so on its badge, with how to fix it, and not that the character has no reference', async () => {
    const rendered = await renderApp({ project: sampleProject(2, [1, 1]) });
    const unreadable = (panelId: string): TakeConsistency => ({ panelId, takeId: `${panelId}-t1`, status: 'not-checked', distance: null, reason: 'reference-unreadable', reference: SAMPLE_REFERENCE });
    act(() => rendered.emit('consistency:results', { results: [unreadable('p1'), unreadable('p2')] }));
    const card = within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: 'Panel 1' });
    const badge = card.querySelector('[data-consistency]');
    expect(badge?.getAttribute('aria-label')).toBe("Not checked: the character's reference image file is missing or damaged: choose the image again in the character card");
    expect(badge?.getAttribute('title')).toBe(badge?.getAttribute('aria-label'));
    expect(screen.getByRole('region', { name: 'Consistency' }).textContent).toContain('0 consistent · 0 drifted · 2 not checked');
  });
});

describe('panels not checked', () => {
  const notChecked = (panelId: string, takeId: string, reason: TakeConsistency['reason']): TakeConsistency => ({ panelId, takeId, status: 'not-checked', distance: null, reason, reference: SAMPLE_REFERENCE });

  it('names them with why, once per reason, and what to do when the reference image is the cause', async () => {
    const { emit } = await renderApp({ project: sampleProject(5, [1, 1, 1, 1, 1]) });
    const results = [
      notChecked('p1', 'p1-t1', 'no-reference-face'),
      notChecked('p2', 'p2-t1', 'no-reference-face'),
      notChecked('p3', 'p3-t1', 'no-reference-face'),
      notChecked('p4', 'p4-t1', 'no-face'),
      outcome('p5', 'p5-t1', 0.3),
    ];
    act(() => emit('consistency:results', { results }));
    const bar = screen.getByRole('region', { name: 'Consistency' });
    expect(bar.textContent).toContain('1 consistent · 0 drifted · 4 not checked');
    const reasons = within(bar).getByRole('list', { name: 'Why panels were not checked' });
    expect(within(reasons).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      "Panels 1–3 not checked: no face was found in the character's reference image: replace it in the character card with a clear, front-facing picture.",
      'Panel 4 not checked: no face was found (the panel may be too stylised, or show no face).',
    ]);
  });

  it('lists nothing when every panel was checked', async () => {
    await checkedBoard();
    expect(screen.queryByRole('list', { name: 'Why panels were not checked' })).toBeNull();
  });
});
