import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmptyProject } from '../../../../shared/domain/project-edit';
import { FIXED_NOW, sha } from '../../fake-project-backend';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

const cast = () => screen.getByRole('list', { name: 'Characters' });
const pngFile = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], 'mara.png', { type: 'image/png' });

describe('character sidebar', () => {
  it('teaches the first step, then adds a character with name and description', async () => {
    const { user, store } = await renderApp({ project: createEmptyProject({ title: 'Empty' }, FIXED_NOW) });
    expect(screen.getByText('Cast your first character.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add your first character' }));
    await user.clear(screen.getByLabelText('Character name'));
    await user.type(screen.getByLabelText('Character name'), 'Mara');
    await user.type(screen.getByLabelText('Character description'), 'red raincoat');
    expect(store.getState().doc?.characters[0]).toMatchObject({ name: 'Mara', description: 'red raincoat', referenceImage: null });
    expect(within(cast()).getByRole('listitem', { name: 'Mara' })).toBeTruthy();
  });

  it('a new character is named by typing at once: the keyboard lands in its name, default selected', async () => {
    const { user, store } = await renderApp({ project: createEmptyProject({ title: 'Empty' }, FIXED_NOW) });
    // The first one is added from the empty state, whose button goes away.
    await user.click(screen.getByRole('button', { name: 'Add your first character' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Character name'));
    await user.keyboard('Mara');
    await user.click(screen.getByRole('button', { name: 'Add character' }));
    const names = screen.getAllByLabelText('Character name');
    expect(document.activeElement).toBe(names[1]);
    await user.keyboard('Jun');
    expect(store.getState().doc?.characters.map((character) => character.name)).toEqual(['Mara', 'Jun']);
  });

  it('removing a character says which panels lost them and offers Undo, which brings them back', async () => {
    const { user, store } = await renderApp({ project: sampleProject(2) });
    await user.click(screen.getByRole('button', { name: 'Remove Mara' }));
    expect(store.getState().doc?.characters).toHaveLength(0);
    expect(store.getState().doc?.panels.map((panel) => panel.characterId)).toEqual([null, null]);
    const notice = screen.getByText('Mara removed: 2 panels now have no character.').closest('[role="status"]') as HTMLElement;
    await user.click(within(notice).getByRole('button', { name: 'Undo delete' }));
    expect(store.getState().doc?.characters.map((character) => character.name)).toEqual(['Mara']);
    expect(store.getState().doc?.panels.map((panel) => panel.characterId)).toEqual(['char-1', 'char-1']);
    expect(screen.queryByText(/Mara removed/)).toBeNull();
  });

  it('sets the reference image from the file dialog and shows a card-size preview', async () => {
    const { user, main, store, callsTo } = await renderApp({ project: { ...sampleProject(1), characters: sampleProject(1).characters.map((c) => ({ ...c, referenceImage: null })) } });
    main.importAnswer = { image: `images/${sha(4242)}.png`, width: 640, height: 800 };
    await user.click(screen.getByRole('button', { name: 'Choose reference image for Mara' }));
    const preview = await screen.findByRole('img', { name: 'Reference image of Mara' });
    expect(preview.getAttribute('src')).toBe(`castboard-media://project/thumbs/${sha(4242)}-256.png`);
    expect(callsTo('project:importImage')).toEqual([{ source: 'dialog' }]);
    expect(store.getState().doc?.characters[0]?.referenceImage).toBe(`images/${sha(4242)}.png`);
    expect(screen.getByRole('button', { name: 'Replace reference image of Mara' })).toBeTruthy();
  });

  it('accepts a dropped or pasted image file, sent to main as base64', async () => {
    const { main, callsTo } = await renderApp({ project: sampleProject(1) });
    main.importAnswer = { image: `images/${sha(7)}.png`, width: 10, height: 10 };
    const card = within(cast()).getByRole('listitem', { name: 'Mara' });
    fireEvent.drop(card, { dataTransfer: { files: [pngFile()], types: ['Files'] } });
    await waitFor(() => expect(callsTo('project:importImage')).toHaveLength(1));
    expect(callsTo('project:importImage')[0]).toEqual({ source: 'bytes', base64: btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 1, 2, 3)) });
    fireEvent.paste(card, { clipboardData: { files: [pngFile()] } });
    await waitFor(() => expect(callsTo('project:importImage')).toHaveLength(2));
  });

  it('says why an image was refused, in words', async () => {
    const { backend } = await renderApp({ project: sampleProject(1) });
    backend.gate = (channel) => {
      if (channel === 'project:importImage') throw new Error('unused');
    };
    const card = within(cast()).getByRole('listitem', { name: 'Mara' });
    fireEvent.drop(card, { dataTransfer: { files: [new File(['%PDF'], 'script.pdf', { type: 'application/pdf' })], types: ['Files'] } });
    expect((await within(card).findByRole('alert')).textContent).toContain('not an image');
  });

  it('lets each panel feature one of several characters', async () => {
    const { user, store } = await renderApp({ project: sampleProject(2) });
    await user.click(screen.getByRole('button', { name: 'Add character' }));
    const names = screen.getAllByLabelText('Character name');
    await user.clear(names[1] as HTMLElement);
    await user.type(names[1] as HTMLElement, 'Jun');
    await user.click(within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: 'Panel 2' }));
    await user.selectOptions(screen.getByLabelText('Featured character'), 'Jun');
    const jun = store.getState().doc?.characters[1]?.id;
    expect(store.getState().doc?.panels[1]?.characterId).toBe(jun);
    expect(within(cast()).getByRole('listitem', { name: 'Jun' }).textContent).toContain('In 1 panel');
  });
});
