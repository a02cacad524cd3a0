/** IPC for app info, settings and the API key. The key goes in; only its status comes out. */
import type { AppServices } from '../app-services';
import type { Registrar } from './registrar';

export function registerApp(registrar: Registrar, services: AppServices): void {
  const { settings, keyVault } = services;

  registrar.handle('app:info', () => services.appInfo);
  registrar.handle('settings:get', () => settings.get());
  registrar.handle('settings:update', (patch) => {
    const next = settings.update(patch);
    registrar.push('settings:changed', next);
    return next;
  });

  registrar.handle('key:status', () => keyVault.status());
  registrar.handle('key:set', ({ key, sessionOnly }) => {
    const status = keyVault.set(key, { sessionOnly });
    registrar.push('key:changed', status);
    return status;
  });
  registrar.handle('key:clear', () => {
    const status = keyVault.clear();
    registrar.push('key:changed', status);
    return status;
  });
  registrar.handle('key:test', () => services.testConnection());
}
