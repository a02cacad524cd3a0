/**
 * The batch dialog against the gateway balance the status bar shows: a batch that costs more than
 * the balance says, before anything is charged, how many of its images the balance pays for, so
 * the artist does not confirm twelve images and find the queue paused for credits after eight.
 * A balance that covers the batch adds nothing.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

async function openGenerateMissing(balanceCents: number) {
  const rendered = await renderApp({ project: sampleProject(6), settings: { balanceCents } });
  await waitFor(() => expect(screen.getByTestId('balance').textContent).toContain('Balance'));
  await rendered.user.click(screen.getByRole('button', { name: 'Generate missing' }));
  const dialog = screen.getByRole('dialog', { name: 'Generate missing panels' });
  await rendered.user.click(within(dialog).getByRole('radio', { name: '2 per panel' }));
  await within(dialog).findByRole('button', { name: 'Generate 12 images ($0.60)' });
  return { ...rendered, dialog };
}

describe('batch dialog and the gateway balance', () => {
  it('a batch above the balance says how many images the balance pays for, before confirming', async () => {
    const { dialog, callsTo } = await openGenerateMissing(40);
    expect(screen.getByTestId('balance').textContent).toBe('Balance $0.40');
    const warning = within(dialog).getByRole('alert');
    expect(warning.textContent).toContain('Your AIgateway balance is $0.40');
    expect(warning.textContent).toContain('it pays for 8 of these 12 images');
    expect(warning.textContent).toContain('Top up first, or choose fewer panels or variations.');
    expect(callsTo('jobs:generate')).toEqual([]);
  });

  it('with no balance left says none of the images can be paid for', async () => {
    const { dialog } = await openGenerateMissing(0);
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Your AIgateway balance is $0.00 (when last checked): not enough for any of these 12 images. Top up your AIgateway account first.',
    );
  });

  it('says nothing about the balance when it covers the batch', async () => {
    const { dialog } = await openGenerateMissing(60);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(dialog.textContent).not.toContain('balance');
  });
});
