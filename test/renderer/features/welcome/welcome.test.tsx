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
    await user.type(within(dialog).getByLabelText('Project title'), 'Night Market');
    await user.click(within(dialog).getByRole('radio', { name: /9:16/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create project' }));
    expect(callsTo('project:create')).toEqual([{ title: 'Night Market', aspectRatio: '9:16' }]);
    expect(await screen.findByRole('button', { name: 'Add first panel' })).toBeTruthy();
    expect(screen.getByText('Night Market')).toBeTruthy();
  });

  it('says why it cannot create a project without a title, at the title, and asks main for nothing', async () => {
    const { user, callsTo } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'New project' }));
    const dialog = screen.getByRole('dialog', { name: 'New project' });
    const title = within(dialog).getByLabelText('Project title');
    await user.type(title, '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Create project' }));
    expect(callsTo('project:create')).toEqual([]);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(title.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Give the project a title: it names the project and its folder.');
    expect(document.activeElement).toBe(title);
    await user.type(title, 'Night Market');
    expect(title.getAttribute('aria-invalid')).toBe('false');
    expect(within(dialog).queryByText(/Give the project a title/)).toBeNull();
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
    const recent = [{ path: '/projects/Night Market.castboard', title: 'Night Market', openedAt: '2025-11-20T10:00:00.000Z', missing: false }];
    const { user, callsTo, main } = await renderApp({ main: { recent } });
    const list = await screen.findByRole('region', { name: 'Recent projects' });
    main.project = sampleProject(2);
    main.root = recent[0]?.path ?? null;
    await user.click(await within(list).findByRole('button', { name: /Night Market/ }));
    expect(callsTo('project:openRecent')).toEqual([{ path: '/projects/Night Market.castboard' }]);
    expect(await screen.findByRole('list', { name: 'Panels' })).toBeTruthy();
  });

  it('tells same-title projects apart by a path shortened in the middle, and keeps a moved one marked Not found with Remove', async () => {
    const at = (client: string) => `/Volumes/Work/Clients/${client}/Storyboards/Season 2/Episode 4/Night Market.castboard`;
    const recent = [
      { path: at('Harbor Films'), title: 'Night Market', openedAt: '2025-11-20T10:00:00.000Z', missing: false },
      { path: at('Lumen Studio'), title: 'Night Market', openedAt: '2025-11-19T10:00:00.000Z', missing: true },
    ];
    const { user, callsTo, main } = await renderApp({ main: { recent } });
    const list = await screen.findByRole('region', { name: 'Recent projects' });
    const [harbor, lumen] = within(list).getAllByRole('button', { name: /^Night Market/ });
    // Visible: the distinguishing folder; the full path is the tooltip and the accessible description.
    expect(harbor?.querySelector('.recent-path')?.textContent).toBe('/…/Harbor Films/Storyboards/Season 2/Episode 4/Night Market.castboard');
    expect(lumen?.querySelector('.recent-path')?.textContent).toBe('/…/Lumen Studio/Storyboards/Season 2/Episode 4/Night Market.castboard');
    expect(harbor?.getAttribute('title')).toBe(at('Harbor Films'));
    expect(within(list).getByRole('button', { name: /^Night Market/, description: at('Harbor Films') })).toBe(harbor);
    expect(within(list).getByRole('button', { name: /^Night Market\s*Not found$/, description: `Not found: moved or deleted from ${at('Lumen Studio')}` })).toBe(lumen);

    main.nextOpenError = { code: 'PROJECT_NOT_FOUND', message: 'It was moved or deleted.' };
    await user.click(lumen!);
    expect(callsTo('project:openRecent')).toEqual([{ path: at('Lumen Studio') }]);
    expect((await screen.findByRole('alert')).textContent).toContain('It was moved or deleted.');

    await user.click(within(list).getByRole('button', { name: 'Remove Night Market from Recent projects' }));
    expect(callsTo('project:removeRecent')).toEqual([{ path: at('Lumen Studio') }]);
    await expect.poll(() => within(list).queryAllByRole('button', { name: /^Night Market/ }).length).toBe(1);
    expect(within(list).queryByText('Not found')).toBeNull();
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
