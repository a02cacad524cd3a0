import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_CHARACTER_PROBLEM } from '../../../../shared/generation/request-plan';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

const card = (n: number) => within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: `Panel ${n}` });
const promptText = () => screen.getByLabelText('Prompt to be sent').textContent;
const param = (name: string) => {
  const rows = within(screen.getByLabelText('Parameters to be sent')).getAllByRole('term');
  return rows.find((row) => row.textContent === name)?.nextElementSibling?.textContent;
};

describe('prompt preview', () => {
  it('shows the words and parameters the next Generate sends, and follows every framing change', async () => {
    const { user } = await renderApp({ project: sampleProject(2) });
    await user.click(card(2));
    expect(promptText()).toBe('Medium shot, eye-level. Scene 2. Character: Mara, red coat.');
    await user.selectOptions(screen.getByLabelText('Shot type'), 'CU');
    await user.selectOptions(screen.getByLabelText('Camera angle'), 'LOW');
    await user.selectOptions(screen.getByLabelText('Camera movement'), 'HANDHELD');
    await user.type(screen.getByLabelText('Dialogue'), 'MARA: Now!');
    expect(promptText()).toBe('Close-up, low angle, handheld camera. Scene 2. Character: Mara, red coat.');
    expect(param('Magic prompt')).toBe('OFF');
    expect(param('Size')).toBe('1312x736');
    expect(param('Seed')).toBe('random');
    expect(screen.getByLabelText('Cost of the next request').textContent).toBe('Generate would request 1 image for $0.05');
  });

  it("applies a panel's override and the project's settings to what is sent", async () => {
    const { user, store } = await renderApp({ project: sampleProject(1) });
    await user.click(card(1));
    await user.selectOptions(screen.getByLabelText('Style type'), 'REALISTIC');
    await user.selectOptions(screen.getByLabelText('Project rendering speed'), 'QUALITY');
    await user.type(screen.getByLabelText('Colour palette'), 'EMBER');
    expect(param('Style type')).toBe('REALISTIC');
    expect(param('Rendering speed')).toBe('QUALITY');
    expect(param('Colour palette')).toBe('EMBER');
    expect(store.getState().doc?.panels[0]?.controls).toEqual({ styleType: 'REALISTIC' });
    expect(store.getState().doc?.style).toMatchObject({ renderingSpeed: 'QUALITY', colorPalette: { preset: 'EMBER' } });
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(param('Colour palette')).toBe('none');
    expect(screen.getByLabelText<HTMLInputElement>('Colour palette').value).toBe('');
  });

  it('a "No character" panel cannot be generated: Generate is disabled with the reason, and the cast stops counting it', async () => {
    const { user } = await renderApp({ project: sampleProject(2) });
    expect(screen.getByText('In 2 panels')).toBeTruthy();
    await user.click(card(1));
    await user.selectOptions(screen.getByLabelText('Featured character'), '');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Generate' }).disabled).toBe(true);
    expect(screen.getByText(NO_CHARACTER_PROBLEM)).toBeTruthy();
    expect(screen.getByRole('note', { name: 'Why this panel cannot be sent' }).textContent).toContain('No character');
    expect(screen.getByText('In 1 panel')).toBeTruthy();
  });

  it("shows a take's stored prompt, not the panel's current one", async () => {
    const { user } = await renderApp({ project: sampleProject(1, [1]) });
    await user.click(card(1));
    await user.click(screen.getByText('Prompt of take 1'));
    expect(screen.getByLabelText('Stored prompt of take 1').textContent).toBe('a prompt');
  });
});

describe('prompt preview heading', () => {
  it('is titled once, by its collapsible section, and folds away with it', async () => {
    const { user } = await renderApp({ project: sampleProject(1) });
    await user.click(card(1));
    const inspector = screen.getByRole('complementary', { name: 'Panel inspector' });
    const titled = within(inspector)
      .getAllByRole('heading')
      .filter((heading) => /what the model reads/i.test(heading.textContent ?? ''));
    expect(titled).toHaveLength(1);
    await user.click(within(inspector).getByRole('button', { name: 'What the model reads section' }));
    expect(within(inspector).queryByLabelText('Prompt to be sent')).toBeNull();
  });
});
