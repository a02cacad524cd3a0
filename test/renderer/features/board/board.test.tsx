import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../render-app';
import { panelIds, sampleProject } from '../../store-kit';

afterEach(cleanup);

const board = () => screen.getByRole('list', { name: 'Panels' });
const cards = () => within(board()).getAllByRole('listitem');
const scenes = () => cards().map((card) => card.querySelector('.panel-scene')?.textContent);

describe('panel board', () => {
  it('lists panels as "Panel N" with shot, scene and the active take thumbnail at card size', async () => {
    await renderApp({ project: sampleProject(3, [2, 0, 0]) });
    expect(cards().map((card) => card.getAttribute('aria-label'))).toEqual(['Panel 1', 'Panel 2', 'Panel 3']);
    const image = within(cards()[0] as HTMLElement).getByRole('img', { name: 'Panel 1, take on the board' });
    expect(image.getAttribute('src')).toMatch(/^castboard-media:\/\/project\/thumbs\/0{63}1-256\.png$/);
    expect(within(cards()[1] as HTMLElement).queryByRole('img')).toBeNull();
    expect(cards()[0]?.textContent).toContain('2 takes');
  });

  it('selects with click, Ctrl-click and Shift-click', async () => {
    const { user, store } = await renderApp({ project: sampleProject(4) });
    await user.click(cards()[0] as HTMLElement);
    await user.keyboard('{Shift>}');
    await user.click(cards()[2] as HTMLElement);
    await user.keyboard('{/Shift}');
    expect(store.getState().selectedIds).toEqual(['p1', 'p2', 'p3']);
    await user.keyboard('{Control>}');
    await user.click(cards()[1] as HTMLElement);
    await user.keyboard('{/Control}');
    expect(store.getState().selectedIds).toEqual(['p1', 'p3']);
    expect(screen.getByText('2 panels selected')).toBeTruthy();
  });

  it('adds (N), duplicates (D), deletes (Delete) and reorders (Alt+arrows) from the keyboard', async () => {
    const { user, store } = await renderApp({ project: sampleProject(3, [1, 0, 0]) });
    await user.click(cards()[0] as HTMLElement);
    await user.keyboard('n');
    expect(cards()).toHaveLength(4);
    expect(store.getState().focusedId).toBe(panelIds(store)[1]);
    // The new panel's Scene has the keyboard; Escape gives it back to the board.
    expect(document.activeElement).toBe(screen.getByLabelText('Scene'));
    await user.keyboard('{Escape}{Delete}');
    expect(cards()).toHaveLength(3);
    await user.click(cards()[0] as HTMLElement);
    await user.keyboard('d');
    expect(scenes()).toEqual(['Scene 1', 'Scene 1', 'Scene 2', 'Scene 3']);
    await user.keyboard('{Alt>}{ArrowRight}{ArrowRight}{/Alt}');
    expect(scenes()).toEqual(['Scene 1', 'Scene 2', 'Scene 3', 'Scene 1']);
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(scenes()).toEqual(['Scene 1', 'Scene 2', 'Scene 1', 'Scene 3']);
  });

  it('N, D and Delete act once per press: holding the key down does not repeat them; arrows do repeat', async () => {
    const { user, store } = await renderApp({ project: sampleProject(3) });
    await user.click(cards()[0] as HTMLElement);
    await user.keyboard('{n>4/}');
    expect(cards()).toHaveLength(4);
    await user.keyboard('{Escape}{d>4/}');
    expect(cards()).toHaveLength(5);
    await user.keyboard('{Delete>4/}');
    expect(cards()).toHaveLength(4);
    await user.click(cards()[0] as HTMLElement);
    await user.keyboard('{ArrowRight>3/}');
    expect(store.getState().focusedId).toBe(panelIds(store)[3]);
  });

  it('moves focus with arrows and J/K, and never fires single-key shortcuts while typing', async () => {
    const { user, store } = await renderApp({ project: sampleProject(3) });
    await user.click(cards()[0] as HTMLElement);
    await user.keyboard('j');
    expect(store.getState().focusedId).toBe('p2');
    await user.keyboard('{ArrowRight}');
    expect(store.getState().focusedId).toBe('p3');
    await user.keyboard('k');
    expect(store.getState().focusedId).toBe('p2');
    await user.click(screen.getByLabelText('Scene'));
    await user.keyboard(' and a dog named Jake');
    expect(cards()).toHaveLength(3);
    expect(store.getState().focusedId).toBe('p2');
    expect(scenes()[1]).toBe('Scene 2 and a dog named Jake');
  });

  it('Escape leaves a field for the card being edited, so J, K and the other keys work again', async () => {
    const { user, store } = await renderApp({ project: sampleProject(3) });
    await user.click(cards()[1] as HTMLElement);
    await user.click(screen.getByLabelText('Scene'));
    await user.keyboard(' at dusk{Escape}');
    expect(document.activeElement).toBe(cards()[1]);
    expect(scenes()[1]).toBe('Scene 2 at dusk');
    await user.keyboard('j');
    expect(store.getState().focusedId).toBe('p3');
    expect(document.activeElement).toBe(cards()[2]);
  });

  it('deleting a panel with takes says so and Undo brings it back with its takes', async () => {
    const { user, store } = await renderApp({ project: sampleProject(2, [3, 0]) });
    await user.click(cards()[0] as HTMLElement);
    await user.keyboard('{Delete}');
    expect(cards()).toHaveLength(1);
    expect(screen.getByText(/Panel 1 deleted with 3 takes/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Undo delete' }));
    expect(cards()).toHaveLength(2);
    expect(store.getState().takesByPanel.p1).toHaveLength(3);
    expect(within(cards()[0] as HTMLElement).getByRole('img', { name: 'Panel 1, take on the board' })).toBeTruthy();
  });

  it('dismissing the delete notice gives the keyboard back to the current card, so J and K go on from there', async () => {
    const { user, store } = await renderApp({ project: sampleProject(4) });
    await user.click(cards()[1] as HTMLElement);
    await user.keyboard('{Delete}');
    const current = store.getState().focusedId;
    await user.click(screen.getByRole('button', { name: 'Dismiss notice' }));
    expect(screen.queryByText(/Panel 2 deleted/)).toBeNull();
    expect((document.activeElement as HTMLElement).dataset.panelId).toBe(current);
    await user.keyboard('k');
    expect(store.getState().focusedId).toBe(panelIds(store)[panelIds(store).indexOf(current as string) - 1]);
  });

  it('dismissing the notice after deleting every panel leaves the keyboard on "Add first panel"', async () => {
    const { user } = await renderApp({ project: sampleProject(1) });
    await user.click(cards()[0] as HTMLElement);
    await user.keyboard('{Delete}');
    await user.click(screen.getByRole('button', { name: 'Dismiss notice' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add first panel' }));
  });

  it('reorders by drag and drop, moving the whole selection', async () => {
    const { user, store } = await renderApp({ project: sampleProject(4) });
    await user.click(cards()[0] as HTMLElement);
    await user.keyboard('{Control>}');
    await user.click(cards()[1] as HTMLElement);
    await user.keyboard('{/Control}');
    const data = new Map<string, string>();
    const dataTransfer = { setData: (k: string, v: string) => data.set(k, v), getData: (k: string) => data.get(k), types: [], effectAllowed: 'all', dropEffect: 'none' };
    const target = cards()[3] as HTMLElement;
    target.getBoundingClientRect = () => ({ left: 0, width: 200, top: 0, height: 100, right: 200, bottom: 100, x: 0, y: 0, toJSON: () => ({}) });
    fireEvent.dragStart(cards()[1] as HTMLElement, { dataTransfer });
    fireEvent.dragOver(target, { dataTransfer, clientX: 180 });
    await waitFor(() => expect(target.className).toContain('drop-after'));
    fireEvent.drop(target, { dataTransfer, clientX: 180 });
    expect(panelIds(store)).toEqual(['p3', 'p4', 'p1', 'p2']);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(panelIds(store)).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it('shows each panel its own job state, and a failure only on the panel it hit', async () => {
    const { store, main, emit } = await renderApp({ project: sampleProject(3, [1, 1, 1]) });
    await act(() => store.getState().generate(['p1', 'p2', 'p3']));
    expect(within(cards()[1] as HTMLElement).getByRole('status').textContent).toContain('Queued');
    const [, second] = main.jobs;
    act(() => {
      for (const job of main.jobs) job.state = job === second ? 'failed' : 'sending';
      if (second) second.error = { code: 'GATEWAY_SAFETY_REJECTED', message: "The image service's safety check rejected this panel." };
      emit('jobs:progress', { jobs: main.jobs, counts: { queued: 0, sending: 2, waiting: 0, polling: 0, downloading: 0, done: 0, failed: 1, cancelled: 0, total: 3 }, pause: null, spentCents: 0, spend: { storedImages: 0, storedCents: 0, unusableImages: 0, unusableCents: 0, unknownRequests: 0, unknownCents: 0 }, awaiting: { requests: 0, images: 0 }, pacing: { inFlightLimit: 10, requestsPerMinute: null, learnedFrom: 'setting' }, concurrency: 10 });
    });
    expect(within(board()).getAllByRole('alert')).toHaveLength(1);
    expect(within(cards()[1] as HTMLElement).getByRole('alert').textContent).toContain('safety check');
    expect(within(cards()[0] as HTMLElement).getByRole('status').textContent).toContain('Generating');
    expect(within(cards()[1] as HTMLElement).getByRole('img', { name: 'Panel 2, take on the board' })).toBeTruthy();
  });

  it('windows a 500-panel board: announces all 500, renders the first rows, and Home/End/arrows reach any panel focused', async () => {
    const { user, store } = await renderApp({ project: sampleProject(500) });
    const rendered = cards();
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(100);
    expect(rendered[0]?.getAttribute('aria-label')).toBe('Panel 1');
    expect(new Set(rendered.map((card) => card.getAttribute('aria-setsize')))).toEqual(new Set(['500']));
    expect(rendered.map((card) => Number(card.getAttribute('aria-posinset')))).toEqual(rendered.map((_, index) => index + 1));

    await user.click(rendered[0] as HTMLElement);
    await user.keyboard('{End}');
    const last = within(board()).getByRole('listitem', { name: 'Panel 500' });
    expect(last.getAttribute('aria-posinset')).toBe('500');
    expect(last.getAttribute('aria-current')).toBe('true');
    expect(document.activeElement).toBe(last);
    expect(last.tabIndex).toBe(0);
    expect(cards().length).toBeLessThan(100);

    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(within(board()).getByRole('listitem', { name: 'Panel 1' }));
    const columns = Number(board().dataset.columns);
    expect(columns).toBeGreaterThan(1);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(store.getState().focusedId).toBe(`p${2 * columns + 1}`);
    expect(document.activeElement).toBe(within(board()).getByRole('listitem', { name: `Panel ${2 * columns + 1}` }));
  });
});
