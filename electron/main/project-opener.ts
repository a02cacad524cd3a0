/**
 * Opens a project folder that main was handed (the OS, a second launch, File > Open Recent), the
 * way the renderer's own open does: ask first if work could be lost (close-guard.ts), open it,
 * resume the jobs it had accepted, then tell the renderer to reload (`app:command`
 * `project.reload`). Requests run one at a time, in order; the folder already open is only
 * focused. A failure is shown to the artist and the current project stays open. A folder chosen
 * from Open Recent is opened as the start screen opens one (ProjectWorkspace.openRecent), so a
 * project that was moved or deleted is explained in the same words, not as a bare missing folder,
 * and before the artist is asked to give up unsaved work or running jobs for an open that fails.
 */
import path from 'node:path';
import type { GenerationService } from '../services/generation/generation-service';
import type { Logger } from '../services/logger';
import type { ProjectWorkspace } from '../services/workspace/project-workspace';
import { confirmAndFinish, type CloseGuardDeps } from './window/close-guard';

type Jobs = Pick<GenerationService, 'cancelAll' | 'isBusy' | 'stopNow'>;

/**
 * The artist chose to close and lose what is rendering: cancel what was not sent, give requests in
 * flight a bounded grace period to land (their images are kept), then drop the rest.
 */
export async function cancelJobsAndWait(jobs: Jobs, timeoutMs = 10_000, intervalMs = 50): Promise<void> {
  jobs.cancelAll();
  const deadline = Date.now() + timeoutMs;
  let busy = jobs.isBusy();
  while (busy && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    busy = jobs.isBusy();
  }
  if (busy) jobs.stopNow();
}

export interface ProjectOpenerDeps {
  workspace: Pick<ProjectWorkspace, 'root' | 'openPath' | 'openRecent' | 'checkRecent'>;
  generation: Jobs & Pick<GenerationService, 'resumePending'>;
  /** What is at stake and how to ask (shared with the window's close guard). */
  guard: Pick<CloseGuardDeps, 'facts' | 'handedEdits' | 'ask'>;
  /** Brings the window forward (creating it if needed). */
  focus(): void;
  /** Tells the renderer the open project changed. */
  reload(): void;
  showError(message: string, detail: string): Promise<void>;
  logger: Logger;
}

/** Where the folder came from. `fromRecent`: chosen from the menu's Open Recent list. */
export interface OpenRequest {
  fromRecent?: boolean;
}

export function createProjectOpener(deps: ProjectOpenerDeps): (folder: string, request?: OpenRequest) => Promise<void> {
  let queue: Promise<void> = Promise.resolve();

  async function open(folder: string, request: OpenRequest): Promise<void> {
    deps.focus();
    const target = path.resolve(folder);
    if (deps.workspace.root() === target) return;
    try {
      if (request.fromRecent) await deps.workspace.checkRecent(target);
      const proceed = await confirmAndFinish(
        { ...deps.guard, finish: async ({ cancelJobs }) => (cancelJobs ? cancelJobsAndWait(deps.generation) : undefined) },
        'switch',
      );
      if (!proceed) return;
      await (request.fromRecent ? deps.workspace.openRecent(target) : deps.workspace.openPath(target));
      deps.generation.resumePending();
      deps.reload();
    } catch (error) {
      deps.logger.warn('Could not open a project handed to Castboard', { folder: target, error });
      await deps.showError(`Castboard could not open “${path.basename(target)}”.`, error instanceof Error ? error.message : String(error));
    }
  }

  return (folder, request = {}) => {
    queue = queue.then(() => open(folder, request)).catch((error: unknown) => deps.logger.error('Opening a project failed', { error }));
    return queue;
  };
}
