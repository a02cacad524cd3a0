import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Project } from '../../../../shared/domain/project';
import { finishJob, makeTake } from '../../fake-project-backend';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

const card = (n: number) => within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: `Panel ${n}` });

describe('panel inspector', () => {
  it('edits every field of the focused panel, labelled for assistive tech', async () => {
    const { user, store, main } = await renderApp({ project: sampleProject(2) });
    await user.click(card(2));
    expect(screen.getByRole('heading', { name: 'Panel 2' })).toBeTruthy();
    await user.clear(screen.getByLabelText('Scene'));
    await user.type(screen.getByLabelText('Scene'), 'Rooftop chase');
    await user.type(screen.getByLabelText('Dialogue'), 'MARA: Now!');
    await user.type(screen.getByLabelText('Action'), 'She jumps.');
    await user.type(screen.getByLabelText('Notes'), 'Hold 2 beats');
    await user.selectOptions(screen.getByLabelText('Shot type'), 'WS');
    await user.selectOptions(screen.getByLabelText('Camera angle'), 'LOW');
    await user.selectOptions(screen.getByLabelText('Camera movement'), 'TRACKING');
    await user.clear(screen.getByLabelText('Duration'));
    await user.type(screen.getByLabelText('Duration'), '4.5');
    const panel = store.getState().doc?.panels[1];
    expect(panel).toMatchObject({ scenePrompt: 'Rooftop chase', dialogue: 'MARA: Now!', action: 'She jumps.', notes: 'Hold 2 beats', shotType: 'WS', cameraAngle: 'LOW', cameraMovement: 'TRACKING', durationSeconds: 4.5 });
    expect(card(2).textContent).toContain('Rooftop chase');
    await store.sync.flush();
    expect(main.project?.panels[1]?.scenePrompt).toBe('Rooftop chase');
  });

  it('moving to another panel keeps no draft or note from the last one, and starts at the top', async () => {
    const { user, store } = await renderApp({ project: sampleProject(2) });
    await user.click(card(1));
    fireEvent.change(screen.getByLabelText('Dialogue'), { target: { value: 'a'.repeat(5173) } });
    expect(screen.getByRole('alert').textContent).toContain('the last 1,173 were not kept');
    const duration = String(store.getState().doc?.panels[1]?.durationSeconds);
    await user.clear(screen.getByLabelText('Duration'));
    expect(screen.getByLabelText<HTMLInputElement>('Duration').value).toBe('');
    const scroller = screen.getByRole('complementary', { name: 'Panel inspector' }).querySelector('.inspector-scroll') as HTMLElement;
    scroller.scrollTop = 300;
    const inspectorBefore = screen.getByLabelText('Scene');

    await user.click(card(2));
    expect(screen.getByRole('heading', { name: 'Panel 2' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText<HTMLTextAreaElement>('Dialogue').value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>('Duration').value).toBe(duration);
    expect(scroller.scrollTop).toBe(0);
    // The same inspector, updated in place: no new DOM for every step through the board.
    expect(screen.getByLabelText('Scene')).toBe(inspectorBefore);
  });

  it('undoes typing a word at a time (Ctrl+Z in the field), not all that was typed, and redoes it', async () => {
    const { user } = await renderApp({ project: sampleProject(1) });
    await user.click(card(1));
    const scene = screen.getByLabelText<HTMLTextAreaElement>('Scene');
    await user.type(scene, ' at dawn');
    expect(scene.value).toBe('Scene 1 at dawn');
    await user.keyboard('{Control>}z{/Control}');
    expect(scene.value).toBe('Scene 1 at');
    await user.keyboard('{Control>}z{/Control}');
    expect(scene.value).toBe('Scene 1');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(scene.value).toBe('Scene 1 at dawn');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Redo' }).disabled).toBe(true);
  });

  it('after undo and redo the caret sits where the text changed, not at the end of the field', async () => {
    const { user } = await renderApp({ project: sampleProject(1) });
    await user.click(card(1));
    const scene = screen.getByLabelText<HTMLTextAreaElement>('Scene');
    // Typed in the middle: "Scene| 1" becomes "Scene two| 1".
    await user.type(scene, ' two', { initialSelectionStart: 5, initialSelectionEnd: 5 });
    expect(scene.value).toBe('Scene two 1');
    await user.keyboard('{Control>}z{/Control}');
    expect(scene.value).toBe('Scene 1');
    expect([scene.selectionStart, scene.selectionEnd]).toEqual([5, 5]);
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(scene.value).toBe('Scene two 1');
    expect([scene.selectionStart, scene.selectionEnd]).toEqual([9, 9]);
    // Typing goes on where the caret is.
    await user.keyboard('!');
    expect(scene.value).toBe('Scene two! 1');
  });

  it('Duration out of range: typing 1000 says the range and keeps the duration it had, not the 100 typed on the way', async () => {
    const { user, store, main } = await renderApp({ project: sampleProject(1) });
    await user.click(card(1));
    const box = screen.getByLabelText<HTMLInputElement>('Duration');
    await user.tripleClick(box);
    await user.keyboard('1000');
    expect(box.value).toBe('1000');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Duration must be 0 to 600 sec: kept at 3 sec until you type a number in that range.');
    expect(store.getState().doc?.panels[0]?.durationSeconds).toBe(3);
    await user.tab();
    expect(box.value).toBe('3');
    expect(screen.getByRole('alert').textContent).toBe('1000 is outside 0 to 600 sec: Duration kept at 3 sec.');
    await store.sync.flush();
    expect(main.project?.panels[0]?.durationSeconds).toBe(3);
    // The next number in range is saved and the note goes.
    await user.tripleClick(box);
    await user.keyboard('12');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(store.getState().doc?.panels[0]?.durationSeconds).toBe(12);
  });

  it('Duration: a number typed and then replaced without leaving the box is the one a refused number keeps', async () => {
    const { user, store } = await renderApp({ project: sampleProject(1) });
    await user.click(card(1));
    const box = screen.getByLabelText<HTMLInputElement>('Duration');
    await user.tripleClick(box);
    await user.keyboard('12');
    await user.tripleClick(box);
    await user.keyboard('1000');
    expect(screen.getByRole('alert').textContent).toBe('Duration must be 0 to 600 sec: kept at 12 sec until you type a number in that range.');
    expect(store.getState().doc?.panels[0]?.durationSeconds).toBe(12);
  });

  it('Duration: typing is one undo step, and 999 typed after it is refused with a note, keeping the duration before it', async () => {
    const { user, store } = await renderApp({ project: sampleProject(1) });
    await user.click(card(1));
    const box = screen.getByLabelText<HTMLInputElement>('Duration');
    await user.tripleClick(box);
    await user.keyboard('45');
    expect(store.getState().doc?.panels[0]?.durationSeconds).toBe(45);
    await user.keyboard('{Control>}z{/Control}');
    expect(box.value).toBe('3');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(box.value).toBe('45');
    await user.tab();

    await user.tripleClick(box);
    await user.keyboard('999');
    expect(screen.getByRole('alert').textContent).toBe('Duration must be 0 to 600 sec: kept at 45 sec until you type a number in that range.');
    expect(store.getState().doc?.panels[0]?.durationSeconds).toBe(45);
    await user.tab();
    expect(box.value).toBe('45');
    expect(screen.getByRole('alert').textContent).toBe('999 is outside 0 to 600 sec: Duration kept at 45 sec.');
  });

  it('Duration: a number put back after an out-of-range draft leaves no undo step; Ctrl+Z undoes the change before it', async () => {
    const { user, store, clock } = await renderApp({ project: sampleProject(1) });
    await user.click(card(1));
    await user.selectOptions(screen.getByLabelText('Shot type'), 'WS');
    const box = screen.getByLabelText<HTMLInputElement>('Duration');
    for (const pause of [0, 5000]) {
      // "100" is saved on the way to "1000", which is out of range: the duration goes back to 3.
      await user.tripleClick(box);
      await user.keyboard('100');
      expect(store.getState().doc?.panels[0]?.durationSeconds).toBe(100);
      clock.advance(pause);
      await user.keyboard('0');
      expect(store.getState().doc?.panels[0]?.durationSeconds).toBe(3);
      await user.tab();
      expect(box.value).toBe('3');
    }
    await user.click(box);
    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().doc?.panels[0]?.shotType).not.toBe('WS');
    expect(box.value).toBe('3');
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it("shows a take's prompt and time as its tooltip when the pointer or focus reaches it", async () => {
    const { user, store } = await renderApp({ project: sampleProject(1, [2]) });
    await user.click(card(1));
    const [first, second] = within(screen.getByRole('region', { name: 'Takes for panel 1' })).getAllByRole('button') as [HTMLElement, HTMLElement];
    const takes = store.getState().takesByPanel[store.getState().doc?.panels[0]?.id ?? ''] ?? [];
    await user.hover(first);
    expect(first.title.split('\n')[0]).toBe(takes[0]?.prompt.slice(0, 160));
    expect(first.title).toMatch(/\d/);
    second.focus();
    expect(second.title.split('\n')[0]).toBe(takes[1]?.prompt.slice(0, 160));
  });

  it('shows every take and lets the artist pick the active one (undoable)', async () => {
    const { user } = await renderApp({ project: sampleProject(1, [3]) });
    await user.click(card(1));
    const strip = screen.getByRole('region', { name: 'Takes for panel 1' });
    const takes = within(strip).getAllByRole('button');
    expect(takes.map((take) => take.getAttribute('aria-pressed'))).toEqual(['true', 'false', 'false']);
    const before = within(card(1)).getByRole('img').getAttribute('src');
    await user.click(takes[2] as HTMLElement);
    expect(within(strip).getByRole('button', { name: 'Take 3' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(card(1)).getByRole('img').getAttribute('src')).not.toBe(before);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(within(card(1)).getByRole('img').getAttribute('src')).toBe(before);
  });

  it('generates with the chosen variations and a locked seed; new takes land in the strip', async () => {
    const { user, callsTo, main, emit } = await renderApp({ project: sampleProject(1, [1]) });
    await user.click(card(1));
    await user.click(screen.getByRole('radio', { name: '3 variations' }));
    expect(screen.getByText('3 images · $0.15')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Lock seed' }));
    await user.clear(screen.getByLabelText('Seed'));
    await user.type(screen.getByLabelText('Seed'), '4242');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(callsTo('jobs:generate')).toEqual([{ panelIds: ['p1'], variations: 3, seed: 4242 }]);
    act(() => finishJob(main, emit, main.jobs[0]?.id ?? '', [makeTake('n1', 11, { seed: 4242 }), makeTake('n2', 12), makeTake('n3', 13)]));
    const strip = screen.getByRole('region', { name: 'Takes for panel 1' });
    expect(within(strip).getAllByRole('button')).toHaveLength(4);
    expect(within(strip).getByRole('button', { name: 'Take 1' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('a double click on Generate or Restyle, or Enter held down, pays for one request; each deliberate click or Enter still counts', async () => {
    const { user, callsTo } = await renderApp({ project: sampleProject(1, [1]) });
    await user.click(card(1));
    await user.dblClick(screen.getByRole('button', { name: 'Generate' }));
    expect(callsTo('jobs:generate')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Watercolor' }));
    await user.tripleClick(screen.getByRole('button', { name: 'Restyle' }));
    expect(callsTo('jobs:restyle')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(callsTo('jobs:generate')).toHaveLength(2);
    screen.getByRole('button', { name: 'Generate' }).focus();
    await user.keyboard('{Enter}');
    expect(callsTo('jobs:generate')).toHaveLength(3);
    await user.keyboard('{Enter>4/}');
    expect(callsTo('jobs:generate')).toHaveLength(4);
  });

  it("says what a panel without a take waits for: a scene, a press of Generate, or its take on the way", async () => {
    const { user } = await renderApp({ project: sampleProject(1) });
    await user.click(card(1));
    const preview = () => within(screen.getByRole('complementary', { name: 'Panel inspector' })).getByText('No take yet').parentElement?.textContent ?? '';
    expect(preview()).toContain('Press Generate to make its first take.');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(preview()).toContain('Its first take is on the way.');
  });

  it('explains why a panel cannot be generated yet', async () => {
    const project = sampleProject(1);
    const noReference: Project = { ...project, characters: project.characters.map((c) => ({ ...c, referenceImage: null })) };
    const { user } = await renderApp({ project: noReference });
    await user.click(card(1));
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Generate' }).disabled).toBe(true);
    expect(screen.getByText('Add a reference image for Mara first.')).toBeTruthy();
    await user.clear(screen.getByLabelText('Scene'));
    expect(screen.getByText('Describe the scene first.')).toBeTruthy();
  });

  it('restyles the selection with a preset, custom words and image weight', async () => {
    const { user, callsTo } = await renderApp({ project: sampleProject(3, [1, 1, 0]) });
    await user.click(card(1));
    await user.keyboard('{Control>}');
    await user.click(card(2));
    await user.click(card(3));
    await user.keyboard('{/Control}');
    await user.click(screen.getByRole('button', { name: 'Watercolor' }));
    await user.type(screen.getByLabelText('Style prompt'), 'autumn palette');
    fireEvent.change(screen.getByLabelText(/Strength/), { target: { value: '52' } });
    expect(screen.getByText('1 selected panel without a take or a character will be left out.')).toBeTruthy();
    expect(screen.getByText('2 selected panels · 2 images · $0.10')).toBeTruthy();
    // Several panels are charged only after an explicit confirmation that names the cost.
    await user.click(screen.getByRole('button', { name: 'Restyle…' }));
    expect(callsTo('jobs:restyle')).toHaveLength(0);
    const confirm = screen.getByRole('group', { name: 'Confirm restyle' });
    expect(confirm.textContent).toContain('Restyle 2 selected panels: 2 images, $0.10 will be charged');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Confirm restyle' })).toBeNull();
    expect(callsTo('jobs:restyle')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Restyle…' }));
    await user.dblClick(within(screen.getByRole('group', { name: 'Confirm restyle' })).getByRole('button', { name: 'Restyle 2 panels' }));
    expect(callsTo('jobs:restyle')).toHaveLength(1);
    const [request] = callsTo('jobs:restyle') as Array<{ panelIds: string[]; stylePrompt: string; imageWeight: number; variations: number }>;
    expect(request?.panelIds).toEqual(['p1', 'p2']);
    expect(request?.stylePrompt).toMatch(/^soft watercolor illustration.*, autumn palette$/);
    expect(request?.imageWeight).toBe(52);
  });

  it('says why Restyle cannot start when no preset is picked and no style described, instead of its price', async () => {
    const { user, callsTo } = await renderApp({ project: sampleProject(1, [1]) });
    await user.click(card(1));
    const restyle = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Restyle' });
    await user.click(screen.getByRole('button', { name: 'Ink sketch' }));
    expect(screen.getByRole('button', { name: 'Ink sketch' }).getAttribute('aria-pressed')).toBe('false');
    expect(restyle().disabled).toBe(true);
    expect(screen.getByText('Pick a preset or describe the style first')).toBeTruthy();
    expect(screen.queryByText('this panel · 1 image · $0.05')).toBeNull();
    await user.type(screen.getByLabelText('Style prompt'), 'teal and orange');
    expect(restyle().disabled).toBe(false);
    expect(screen.getByText('this panel · 1 image · $0.05')).toBeTruthy();
    expect(callsTo('jobs:restyle')).toHaveLength(0);
  });

  it('marks restyled takes with the take they came from', async () => {
    const project = sampleProject(1, [1]);
    const { user, emit } = await renderApp({ project });
    await user.click(card(1));
    act(() => emit('project:takesAdded', { panelId: 'p1', takes: [makeTake('r1', 77, { sourceTakeId: 'p1-t1', model: 'ideogram/ideogram-character-remix' })], activeTakeId: 'p1-t1' }));
    expect(screen.getByRole('button', { name: 'Take 2, restyled from take 1' })).toBeTruthy();
  });
});
