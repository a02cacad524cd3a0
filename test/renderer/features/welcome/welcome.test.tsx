import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

describe('welcome screen', () => {
  it('creates a project with a title and aspect ratio, then shows the editor', async () => {
    const { user, callsTo } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'New project' }));
    const dialog = screen.getByRole('dialog', { name: 'New project' });
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Create project' }).disabled).toBe(true);
    await user.type(within(dialog).getByLabelText('Project title'), 'Night Market');
    await user.click(within(dialog).getByRole('radio', { name: /9:16/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create project' }));
    expect(callsTo('project:create')).toEqual([{ title: 'Night Market', aspectRatio: '9:16' }]);
    expect(await screen.findByRole('button', { name: 'Add first panel' })).toBeTruthy();
    expect(screen.getByText('Night Market')).toBeTruthy();
  });

  it('keeps the dialog open when the folder dialog is cancelled', async () => {
    const { user, main } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'New project' }));
    const dialog = screen.getByRole('dialog', { name: 'New project' });
    await user.type(within(dialog).getByLabelText('Project title'), 'Night Market');
    main.cancelNextDialog = true;
    await user.click(within(dialog).getByRole('button', { name: 'Create project' }));
    expect(await within(dialog).findByText(/No folder was chosen/)).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'New project' })).toBeTruthy();
  });

  it('lists recent projects and reopens one', async () => {
    const recent = [{ path: '/projects/Night Market.castboard', title: 'Night Market', openedAt: '2025-11-20T10:00:00.000Z' }];
    const { user, callsTo, main } = await renderApp({ main: { recent } });
    const list = await screen.findByRole('region', { name: 'Recent projects' });
    main.project = sampleProject(2);
    main.root = recent[0]?.path ?? null;
    await user.click(await within(list).findByRole('button', { name: /Night Market/ }));
    expect(callsTo('project:openRecent')).toEqual([{ path: '/projects/Night Market.castboard' }]);
    expect(await screen.findByRole('list', { name: 'Panels' })).toBeTruthy();
  });

  it('offers the newest backup when a project file is damaged', async () => {
    const { user, main, callsTo } = await renderApp();
    main.nextOpenError = { code: 'PROJECT_INVALID', message: 'project.json is damaged (panel 3 has no id). Open the newest backup to keep working.' };
    await user.click(await screen.findByRole('button', { name: 'Open project' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('project.json is damaged');
    main.project = sampleProject(1);
    main.root = '/projects/x.castboard';
    await user.click(within(alert).getByRole('button', { name: 'Open newest backup' }));
    expect(callsTo('project:openBackup')).toHaveLength(1);
    expect(await screen.findByRole('list', { name: 'Panels' })).toBeTruthy();
  });

  it('does not offer a backup for a project that is locked elsewhere', async () => {
    const { user, main } = await renderApp();
    main.nextOpenError = { code: 'PROJECT_LOCKED', message: 'This project is open in another Castboard window.' };
    await user.click(await screen.findByRole('button', { name: 'Open project' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).queryByRole('button', { name: 'Open newest backup' })).toBeNull();
  });

  it('reopens the project main still has open after a reload', async () => {
    await renderApp({ project: sampleProject(2) });
    expect(within(screen.getByRole('list', { name: 'Panels' })).getAllByRole('listitem')).toHaveLength(2);
  });
});
