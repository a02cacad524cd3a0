/**
 * IPC for app info, settings, the API key, the window title and modal state. The key goes in; only
 * its status comes out. The title state goes to the window shell (title bar, close guard), the
 * modal state to the menu's command gate, when there is one; the browser harness has none and
 * simply acknowledges both.
 */
import type { ModalState, TitleState } from '../../../shared/domain/commands';
import type { AppServices } from '../app-services';
import type { Registrar } from './registrar';

export interface WindowShell {
  setTitleState(state: TitleState): void;
  /** The window listens for menu commands; whether a modal dialog is open (menu/command-gate.ts). */
  setModalState(state: ModalState): void;
}

/** Whether the saved key still waits for the artist to confirm the current gateway address. */
function destinationState(services: AppServices): { baseUrl: string; needsConfirmation: boolean; message: string | null } {
  const baseUrl = services.settings.get().gatewayBaseUrl;
  const question = services.keyVault.getKey() ? services.keyDestination.pendingQuestion(baseUrl) : null;
  return { baseUrl, needsConfirmation: question !== null, message: question ? `${question.message} ${question.detail}` : null };
}

export function registerApp(registrar: Registrar, services: AppServices, shell?: WindowShell): void {
  const { settings, keyVault } = services;

  registrar.handle('app:info', () => services.appInfo);
  registrar.handle('settings:get', () => settings.get());
  registrar.handle('settings:update', (patch) => {
    const next = settings.update(patch);
    services.workspace.setAutosaveDelay(next.autosaveDelayMs); // the open project follows at once
    registrar.push('settings:changed', next);
    return next;
  });

  registrar.handle('key:status', () => keyVault.status());
  registrar.handle('key:set', async ({ key, sessionOnly }) => {
    const status = await keyVault.set(key, { sessionOnly });
    registrar.push('key:changed', status);
    return status;
  });
  registrar.handle('key:clear', () => {
    const status = keyVault.clear();
    registrar.push('key:changed', status);
    return status;
  });
  registrar.handle('key:test', () => services.testConnection());
  // The renderer may only ask; the question itself is main's own dialog, in main's words.
  registrar.handle('key:destination', () => destinationState(services));
  registrar.handle('key:confirmBaseUrl', async ({ baseUrl }) => {
    const current = settings.get().gatewayBaseUrl;
    if (baseUrl === current && keyVault.getKey()) await services.keyDestination.askToConfirm(current);
    return destinationState(services);
  });

  registrar.handle('app:setTitleState', (state) => {
    shell?.setTitleState(state);
    return null;
  });
  registrar.handle('app:setModalState', (state) => {
    shell?.setModalState(state);
    return null;
  });
}
