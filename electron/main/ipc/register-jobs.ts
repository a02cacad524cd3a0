/** IPC for generation: estimate first, then start, cancel or resume; progress is pushed by the service. */
import type { AppServices } from '../app-services';
import type { Registrar } from './registrar';

export function registerJobs(registrar: Registrar, services: AppServices): void {
  const { generation } = services;
  registrar.handle('jobs:estimate', (request) => generation.estimate(request));
  registrar.handle('jobs:generate', (request) => generation.generate(request));
  registrar.handle('jobs:restyle', (request) => generation.restyle(request));
  registrar.handle('jobs:cancel', ({ jobId }) => {
    generation.cancel(jobId);
    return null;
  });
  registrar.handle('jobs:cancelAll', () => {
    generation.cancelAll();
    return null;
  });
  registrar.handle('jobs:retry', ({ jobId }) => {
    generation.retry(jobId);
    return null;
  });
  registrar.handle('jobs:resume', () => {
    generation.resume();
    return null;
  });
  registrar.handle('jobs:snapshot', () => generation.snapshot());
  registrar.handle('jobs:clearFinished', () => {
    generation.clearFinished();
    return null;
  });
}
