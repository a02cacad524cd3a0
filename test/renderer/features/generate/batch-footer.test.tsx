/**
 * The batch dialog's price and buttons sit in the modal's pinned footer (kept in view while the
 * body's warnings scroll, test/e2e/dialog-footers.e2e.ts), after the body's fields in Tab order.
 */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

describe('batch dialog footer', () => {
  it('holds what will be charged, Cancel and the paying button, after the variations in document order', async () => {
    const { user } = await renderApp({ project: sampleProject(3) });
    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate missing panels' });
    const confirm = await within(dialog).findByRole('button', { name: 'Generate 3 images ($0.15)' });
    const footer = dialog.querySelector('footer.dialog-footer');
    expect(footer?.contains(confirm)).toBe(true);
    expect(footer?.contains(within(dialog).getByRole('button', { name: 'Cancel' }))).toBe(true);
    expect(footer?.textContent).toContain('$0.15 will be charged to your AIgateway account.');
    const lastField = within(dialog).getByRole('radio', { name: '4 per panel' });
    expect(lastField.compareDocumentPosition(confirm) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
