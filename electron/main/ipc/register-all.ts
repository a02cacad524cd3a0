/** Mounts every feature's channels on a registrar: one register*(registrar, services) per feature. */
import type { AppServices } from '../app-services';
import { registerApp, type WindowShell } from './register-app';
import { registerConsistency } from './register-consistency';
import { registerExport } from './register-export';
import { registerJobs } from './register-jobs';
import { registerProject } from './register-project';
import type { Registrar } from './registrar';

/** `shell` is the Electron window shell; the browser harness passes none. */
export function registerAll(registrar: Registrar, services: AppServices, shell?: WindowShell): void {
  registerApp(registrar, services, shell);
  registerProject(registrar, services);
  registerJobs(registrar, services);
  registerExport(registrar, services);
  registerConsistency(registrar, services);
}
