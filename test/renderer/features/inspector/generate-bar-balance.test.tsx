/**
 * The inspector's Generate bar against the gateway balance the status bar shows: when the panel's
 * images cost more than the balance last read, the bar says so beside the cost before the artist
 * presses Generate (the request would only wait, paused for credits). A balance that covers it
 * adds nothing.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

async function generateBarWithBalance(balanceCents: number) {
  const { user } = await renderApp({ project: sampleProject(1), settings: { balanceCents } });
  await waitFor(() => expect(screen.getByTestId('balance').textContent).toContain('Balance'));
  await user.click(within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: 'Panel 1' }));
  return screen.getByRole('region', { name: 'Generate panel' });
}

describe('Generate bar and the gateway balance', () => {
  it('shows the balance as a warning beside a cost it does not cover', async () => {
    const bar = await generateBarWithBalance(4);
    const hint = within(bar).getByText(/1 image · \$0\.05/);
    expect(hint.textContent).toBe('1 image · $0.05 · balance $0.04');
    expect(hint.className).toContain('warn');
    expect(hint.getAttribute('title')).toContain('top up');
  });

  it('says only the cost when the balance covers it', async () => {
    const bar = await generateBarWithBalance(5);
    const hint = within(bar).getByText(/1 image · \$0\.05/);
    expect(hint.textContent).toBe('1 image · $0.05');
    expect(hint.className).not.toContain('warn');
  });
});
