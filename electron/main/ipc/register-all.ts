/** Mounts every feature's channels on a registrar: one register*(registrar, services) per feature. */
import type { AppServices } from '../app-services';
import { registerApp } from './register-app';
import { registerExport } from './register-export';
import { registerJobs } from './register-jobs';
import { registerProject } from './register-project';
import type { Registrar } from './registrar';

export function registerAll(registrar: Registrar, services: AppServices): void {
  registerApp(registrar, services);
  registerProject(registrar, services);
  registerJobs(registrar, services);
  registerExport(registrar, services);
}
