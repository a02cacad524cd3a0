/**
 * Renders the whole app over the fake transport for component tests, optionally with a project
 * already open in "main" (as after a reload). jsdom has no modal <dialog>, so a minimal stand-in
 * is installed; real dialog behaviour is covered by the browser tests.
 */
import { render, screen, waitFor, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { App } from '../../renderer/app/App';
import { AppStoreProvider } from '../../renderer/state/store-context';
import type { Project } from '../../shared/domain/project';
import { createKit, type Kit } from './store-kit';
import type { FakeBackend } from './fake-transport';
import type { ProjectBackend } from './fake-project-backend';

HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
  this.dispatchEvent(new Event('close'));
};

// jsdom has no blob: URLs; the export preview only needs a string it can put in <img src>.
URL.createObjectURL ??= () => 'blob:castboard-preview';
URL.revokeObjectURL ??= () => undefined;

export interface Rendered extends Kit {
  user: UserEvent;
  view: RenderResult;
}

export async function renderApp(options: { project?: Project; settings?: Partial<FakeBackend>; main?: Partial<ProjectBackend> } = {}): Promise<Rendered> {
  const kit = createKit({ project: options.project, settings: { key: 'sk-test-key-1234', ...options.settings }, main: options.main, syncDelayMs: 0 });
  const view = render(
    <AppStoreProvider store={kit.store}>
      <App />
    </AppStoreProvider>,
  );
  if (options.project) {
    await screen.findByRole('list', { name: 'Panels' }).catch(() => screen.findByRole('button', { name: 'Add first panel' }));
    // The inspector mounts in a render right after the board's first one (EditorScreen).
    await waitFor(() => {
      if (document.querySelector('.inspector[aria-busy="true"]')) throw new Error('The inspector has not mounted yet.');
    });
  }
  return { ...kit, view, user: userEvent.setup() };
}
