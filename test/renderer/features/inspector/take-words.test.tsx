/**
 * One name for the take a panel shows: "on the board". The take viewer, the take strip, the board
 * and the Keyboard shortcuts list all say it; "active" and "Make active" (the code's word) must not
 * come back in anything the artist reads or hears. The seed button says what it does.
 */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Project } from '../../../../shared/domain/project';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

const card = (n: number) => within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: `Panel ${n}` });
const OLD_WORDS = /\bactive\b|\bactivate/i;

/** Everything under `root` an artist can read or hear: text, accessible names, descriptions, tooltips, alt text. */
function wordsIn(root: Element): string[] {
  const attributes = ['aria-label', 'aria-description', 'title', 'alt', 'placeholder'];
  const named = Array.from(root.querySelectorAll('*')).flatMap((element) => attributes.map((name) => element.getAttribute(name) ?? ''));
  return [root.textContent ?? '', ...named].filter((words) => words !== '');
}

/** A one-panel project with three takes, the first on the board and made with a seed. */
function projectWithSeed(seed: number): Project {
  const project = sampleProject(1, [3]);
  const panel = project.panels[0];
  if (!panel?.takes[0]) throw new Error('sampleProject made no take');
  panel.takes[0] = { ...panel.takes[0], seed };
  return project;
}

describe('the take on the board, in words', () => {
  it('the take viewer badges the take on the board and offers "Show on the board" for the others, never "active"', async () => {
    const { user, store } = await renderApp({ project: sampleProject(1, [3]) });
    await user.click(card(1));
    await user.click(screen.getByRole('button', { name: 'Compare takes' }));
    const viewer = screen.getByRole('dialog', { name: 'Compare takes' });
    const tiles = () => within(viewer).getAllByRole('figure');
    expect(within(tiles()[0] as HTMLElement).getByText('On the board')).toBeTruthy();
    // The take on the board has its badge, not a greyed button repeating it.
    expect(within(tiles()[0] as HTMLElement).queryByRole('button')).toBeNull();
    expect(tiles().slice(1).map((tile) => within(tile).getByRole('button').textContent)).toEqual(['Show on the board', 'Show on the board']);
    expect(within(viewer).getByRole('group').getAttribute('aria-label')).toBe('Takes of panel 1: arrows step, Enter or A shows the take on the board');
    expect(wordsIn(document.body).filter((words) => OLD_WORDS.test(words))).toEqual([]);

    await user.click(within(tiles()[2] as HTMLElement).getByRole('button', { name: 'Show on the board' }));
    expect(store.getState().doc?.panels[0]?.activeTakeId).toBe('p1-t3');
    expect(within(tiles()[2] as HTMLElement).getByText('On the board')).toBeTruthy();
    expect(within(tiles()[0] as HTMLElement).getByRole('button').textContent).toBe('Show on the board');
    // The pressed button is gone: the keys stay with the takes, not the page.
    expect(document.activeElement).toBe(within(viewer).getByRole('group'));
    expect(wordsIn(document.body).filter((words) => OLD_WORDS.test(words))).toEqual([]);
  });

  it('the strip, the board and the shortcuts list use the same words', async () => {
    const { user, store } = await renderApp({ project: sampleProject(1, [2]) });
    await user.click(card(1));
    expect(within(card(1)).getByRole('img').getAttribute('alt')).toBe('Panel 1, take on the board');
    const setting = screen.getByRole('checkbox', { name: 'Show new takes on the board' });
    await user.click(setting);
    expect(store.getState().activateNewTakes).toBe(true);
    expect(screen.getByRole('toolbar', { name: 'Pick the take to show on the board' })).toBeTruthy();
    await user.keyboard('?');
    const shortcuts = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(shortcuts).getByText(/^Show the focused take on the board/)).toBeTruthy();
    expect(wordsIn(document.body).filter((words) => OLD_WORDS.test(words))).toEqual([]);
  });

  it('"Use this take\'s seed" locks the seed of the take on the board', async () => {
    const { user } = await renderApp({ project: projectWithSeed(777) });
    await user.click(card(1));
    const button = screen.getByRole('button', { name: "Use this take's seed" });
    expect(button.getAttribute('title')).toBe('Lock the seed to 777, the seed of the take on the board');
    await user.click(button);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Lock seed' }).checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Seed').value).toBe('777');
  });
});
