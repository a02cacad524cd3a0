/**
 * The character card tells at once whether the consistency check can use its reference image
 * (asked of main with consistency:referenceFace, answered here by the fake backend), on import
 * and on open.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sha } from '../../fake-project-backend';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

const card = (name = 'Mara') => within(screen.getByRole('list', { name: 'Characters' })).getByRole('listitem', { name });
const pngFile = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], 'mara.png', { type: 'image/png' });
const noReference = () => ({ ...sampleProject(1), characters: sampleProject(1).characters.map((c) => ({ ...c, referenceImage: null })) });
/** The card's verdict once main answered (not the "Looking for a face…" shown meanwhile). */
const note = async (): Promise<HTMLElement> => {
  await waitFor(() => expect(card().querySelector('[data-reference-face]:not([data-reference-face="checking"])')).not.toBeNull());
  return card().querySelector<HTMLElement>('[data-reference-face]')!;
};
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('reference image face check on the character card', () => {
  it('a dropped image with no face: says so at once, with what makes a good reference, and Generate stays allowed', async () => {
    const { main, callsTo } = await renderApp({ project: noReference() });
    const image = `images/${sha(77)}.png`;
    main.importAnswer = { image, width: 640, height: 480 };
    main.referenceFaces[image] = { verdict: 'no-face', faces: 0, chosen: null };
    fireEvent.drop(card(), { dataTransfer: { files: [pngFile()], types: ['Files'] } });
    const told = await note();
    expect(told.textContent).toBe('No face was found in this image, so the consistency check cannot compare panels with it. A good reference shows one clear, front-facing face.');
    expect(callsTo('consistency:referenceFace')).toEqual([{ image }]);
    expect(button('Generate missing').disabled).toBe(false);
  });

  it('several faces: says which one the check will use; one face: says the check can use it', async () => {
    const { main, user } = await renderApp({ project: noReference() });
    const group = `images/${sha(78)}.png`;
    main.importAnswer = { image: group, width: 640, height: 480 };
    main.referenceFaces[group] = { verdict: 'several-faces', faces: 3, chosen: 'right' };
    await user.click(screen.getByRole('button', { name: 'Choose reference image for Mara' }));
    expect((await note()).textContent).toBe('3 faces were found: the consistency check will use the largest one, on the right. A good reference shows one clear, front-facing face.');

    main.importAnswer = { image: `images/${sha(79)}.png`, width: 640, height: 480 };
    await user.click(screen.getByRole('button', { name: 'Replace reference image of Mara' }));
    await waitFor(() => expect(card().querySelector('[data-reference-face]')?.getAttribute('data-reference-face')).toBe('one-face'));
    expect(card().querySelector('[data-reference-face]')?.textContent).toBe('Face found: the consistency check can compare panels with this image.');
  });

  it('an image main cannot read is told too', async () => {
    const project = sampleProject(1);
    await renderApp({ project, main: { referenceFaces: { [project.characters[0]!.referenceImage!]: { verdict: 'unreadable', faces: 0, chosen: null } } } });
    expect((await note()).textContent).toBe('This image cannot be read, so the consistency check cannot use it. Choose the image again.');
  });

  it('shows the verdict for a reference already set when the project opens, asking once per image', async () => {
    const project = sampleProject(2);
    const reference = project.characters[0]!.referenceImage!;
    const { callsTo } = await renderApp({ project, main: { referenceFaces: { [reference]: { verdict: 'no-face', faces: 0, chosen: null } } } });
    expect((await note()).getAttribute('data-reference-face')).toBe('no-face');
    expect(callsTo('consistency:referenceFace')).toEqual([{ image: reference }]);
  });
});
