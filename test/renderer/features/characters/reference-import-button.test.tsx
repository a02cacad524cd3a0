/**
 * The reference image button tells the truth: while the OS file dialog is open nothing is being
 * imported, so it keeps its label (disabled); "Importing…" shows once main says a file was picked
 * (project:imageChosen), and never for a cancelled dialog.
 */
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sha } from '../../fake-project-backend';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

const noReference = () => ({ ...sampleProject(1), characters: sampleProject(1).characters.map((c) => ({ ...c, referenceImage: null })) });
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('the reference import button', () => {
  it('keeps "Choose image" (disabled) while the file dialog is open, and says "Importing…" once main says a file was picked', async () => {
    const { user, main, backend, emit, store } = await renderApp({ project: noReference() });
    main.importAnswer = { image: `images/${sha(80)}.png`, width: 640, height: 480 };
    let answer: () => void = () => undefined;
    backend.gate = (channel) => (channel === 'project:importImage' ? new Promise<void>((resolve) => (answer = resolve)) : undefined);
    const choose = button('Choose reference image for Mara');
    await user.click(choose);
    // The OS dialog is open: nothing is being imported yet.
    expect(choose.textContent).toBe('Choose image');
    expect(choose.disabled).toBe(true);
    act(() => emit('project:imageChosen', {}));
    expect(choose.textContent).toBe('Importing…');
    await act(async () => answer());
    await waitFor(() => expect(store.getState().doc?.characters[0]?.referenceImage).toBe(`images/${sha(80)}.png`));
    const replace = button('Replace reference image of Mara');
    expect(replace.textContent).toBe('Replace');
    expect(replace.disabled).toBe(false);
  });

  it('a cancelled dialog never says "Importing…" and leaves the button as it was', async () => {
    const { user, backend } = await renderApp({ project: noReference() });
    let answer: () => void = () => undefined;
    backend.gate = (channel) => (channel === 'project:importImage' ? new Promise<void>((resolve) => (answer = resolve)) : undefined);
    const choose = button('Choose reference image for Mara');
    await user.click(choose);
    expect(choose.textContent).toBe('Choose image');
    await act(async () => answer());
    await waitFor(() => expect(choose.disabled).toBe(false));
    expect(choose.textContent).toBe('Choose image');
  });
});
