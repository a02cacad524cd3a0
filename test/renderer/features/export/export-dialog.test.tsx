/**
 * The export dialog over the fake transport: a production format's options are saved in the
 * project as they change (undoable) and sent with the export; a running export shows its progress
 * and a Cancel that asks main to stop, ending in a plain "cancelled" note; closing the dialog while
 * an export runs cancels it too. The outcome line names panels without a take in words that agree
 * in number, and speaks only of the format and settings on screen.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

/** Holds export:production back until `release` is called. */
function holdExports() {
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  return { gate: (channel: string) => (channel === 'export:production' ? held : undefined), release: () => release() };
}

/** The main button for each format names the file it writes (beside "Export panel images…"). */
const EXPORT_BUTTON: Record<string, string> = {
  png: 'Export contact sheet…',
  pdf: 'Export PDF board…',
  mp4: 'Export animatic…',
  gif: 'Export GIF…',
  fcpxml: 'Export timeline…',
  csv: 'Export shot list…',
};

/** Opens the dialog on a 3-panel board, chooses `format` and starts its export, held in "main". */
async function startHeldExport(format: string) {
  const hold = holdExports();
  const app = await renderApp({ project: sampleProject(3, [1, 1, 1]), settings: { gate: hold.gate } });
  await app.user.keyboard('{Control>}e{/Control}');
  const dialog = screen.getByRole('dialog', { name: 'Export' });
  await app.user.selectOptions(within(dialog).getByLabelText('Format'), format);
  await app.user.click(within(dialog).getByRole('button', { name: EXPORT_BUTTON[format] }));
  return { ...app, dialog, cancel: await within(dialog).findByRole('button', { name: 'Cancel export' }), release: hold.release };
}

describe('export dialog, production formats', () => {
  it('saves the GIF width in the project and sends it with the export', async () => {
    const { user, store, callsTo } = await renderApp({ project: sampleProject(3, [1, 1, 1]) });
    await user.keyboard('{Control>}e{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    await user.selectOptions(within(dialog).getByLabelText('Format'), 'gif');
    await user.clear(within(dialog).getByLabelText('Width'));
    await user.type(within(dialog).getByLabelText('Width'), '320');
    expect(store.getState().doc?.exportSettings.formats?.gif).toEqual({ width: 320 });
    expect(await within(dialog).findByRole('img', { name: 'Preview of the GIF, first frame' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Export GIF…' }));
    expect(await within(dialog).findByText('Saved: /projects/Night Market.gif.')).toBeTruthy();
    const [request] = callsTo('export:production') as Array<{ format: string; settings: { gif: { width: number } } }>;
    expect(request).toMatchObject({ format: 'gif', settings: { gif: { width: 320 } } });
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().doc?.exportSettings.formats?.gif).toBeUndefined();
  });

  it('cancels a running export from its Cancel button: a plain note, no error', async () => {
    const { user, callsTo, dialog, cancel, release } = await startHeldExport('mp4');
    // The format stays while it runs: its outcome will speak of the MP4.
    expect(within(dialog).getByLabelText('Format')).toHaveProperty('disabled', true);
    await user.click(cancel);
    expect(callsTo('export:cancel')).toHaveLength(1);
    release();
    expect(await within(dialog).findByText('Export cancelled. Nothing was written.')).toBeTruthy();
    expect(dialog.querySelector('.callout-error')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Export animatic…' })).toHaveProperty('disabled', false);
    expect(within(dialog).getByLabelText('Format')).toHaveProperty('disabled', false);
  });

  it('closing the dialog while an export runs cancels it', async () => {
    const { user, callsTo, dialog, release } = await startHeldExport('csv');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(callsTo('export:cancel')).toHaveLength(1));
    release();
  });
});

describe('export dialog, the main button', () => {
  it('says which file it writes, for each format', async () => {
    const { user } = await renderApp({ project: sampleProject(3, [1, 1, 1]) });
    await user.keyboard('{Control>}e{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    for (const [format, name] of Object.entries(EXPORT_BUTTON)) {
      await user.selectOptions(within(dialog).getByLabelText('Format'), format);
      expect(within(dialog).getByRole('button', { name }).className).toContain('button-primary');
    }
  });
});

describe('export dialog, the outcome line', () => {
  it('says which panel shows as a placeholder, and clears the contact sheet note when the format changes', async () => {
    const exportAnswer = { files: ['/projects/sheet.png'], pages: 1, withoutImage: [2], missingImages: [] };
    const { user } = await renderApp({ project: sampleProject(3, [1, 0, 1]), main: { exportAnswer } });
    await user.keyboard('{Control>}e{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    await user.click(within(dialog).getByRole('button', { name: 'Export contact sheet…' }));
    const status = within(dialog).getByRole('status');
    await waitFor(() => expect(status.textContent).toContain('Contact sheet saved: /projects/sheet.png. Panel 2 has no take: it shows as a placeholder.'));

    await user.selectOptions(within(dialog).getByLabelText('Format'), 'pdf');
    expect(status.textContent).toBe('');
    expect(within(dialog).queryByRole('button', { name: 'Show in folder' })).toBeNull();
    // Back on the contact sheet, the old note does not come back: it was cleared, not hidden.
    await user.selectOptions(within(dialog).getByLabelText('Format'), 'png');
    expect(status.textContent).toBe('');
  });

  it('clears the note when a setting of the same format changes', async () => {
    const { user } = await renderApp({ project: sampleProject(3, [1, 1, 1]) });
    await user.keyboard('{Control>}e{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    await user.selectOptions(within(dialog).getByLabelText('Format'), 'gif');
    await user.click(within(dialog).getByRole('button', { name: 'Export GIF…' }));
    expect(await within(dialog).findByText('Saved: /projects/Night Market.gif.')).toBeTruthy();
    await user.clear(within(dialog).getByLabelText('Width'));
    await user.type(within(dialog).getByLabelText('Width'), '320');
    expect(within(dialog).getByRole('status').textContent).toBe('');
  });
});
