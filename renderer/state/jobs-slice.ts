/**
 * Generation as the renderer sees it: the queue snapshot main pushes (`jobs:progress`), the
 * latest job per panel, the current batch (for one overall progress bar and Cancel all), and the
 * artist's generate/restyle options. The batch holds every job this page started and every
 * unfinished job main reports that it did not (resumed after reopening a project, or started
 * before a reload): a job the cards show as generating is always counted. Spending starts only through generate/restyle/retry, each of which
 * first flushes the document so main generates from the text on screen. Nothing here touches
 * takes: a failed job leaves the panel exactly as it was.
 */
import { renderStylePrompt } from '../../shared/generation/render-plan';
import { SEED_MAX } from '../../shared/domain/ideogram-models';
import type { CostEstimate, JobView, QueueSnapshot } from '../../shared/domain/jobs';
import { isTerminalState } from '../../shared/domain/job-states';
import { STYLE_PRESETS } from '../../shared/domain/style-presets';
import { isCastboardError } from '../../shared/errors';
import { messageOf } from '../lib/errors';
import { activeTakeOf } from './takes';
import type { AppSlice, StoreDeps } from './store-types';

export type PanelRequest =
  | { kind: 'generate'; variations: number; seed: number | null }
  | { kind: 'restyle'; stylePrompt: string; imageWeight: number; variations: number };

export interface GenerateOptions {
  variations: number;
  seedLocked: boolean;
  seed: number;
}

export interface RestyleOptions {
  presetId: string | null;
  stylePrompt: string;
  /** 1-100: how much of the source take to keep. */
  imageWeight: number;
  variations: number;
}

export interface JobsSlice {
  queue: QueueSnapshot | null;
  /** Per panel: its newest unfinished job, else its newest job. */
  jobByPanel: Readonly<Record<string, JobView>>;
  /** The current batch: started since the queue was last idle, here or anywhere main runs it. */
  batchJobIds: readonly string[];
  lastRequest: Readonly<Record<string, PanelRequest>>;
  generateOptions: GenerateOptions;
  restyleOptions: RestyleOptions;
  balanceCents: number | null;
  /** Why the last start failed (no key, no panels...), in the artist's words. */
  jobsError: string | null;
  /** The error code behind `jobsError`, so a fixed problem (a key added) can clear its message. */
  jobsErrorCode: string | null;
  applySnapshot(snapshot: QueueSnapshot): void;
  loadSnapshot(): Promise<void>;
  setGenerateOptions(patch: Partial<GenerateOptions>): void;
  setRestyleOptions(patch: Partial<RestyleOptions>): void;
  estimate(panelIds: readonly string[], variations: number): Promise<CostEstimate>;
  generate(panelIds: readonly string[], variations?: number): Promise<boolean>;
  restyle(panelIds: readonly string[]): Promise<boolean>;
  /** Character Remix from the panel's own sketch or imported image (shared/generation/render-plan). */
  renderPanel(panelId: string, imageWeight: number): Promise<boolean>;
  retryPanel(panelId: string): Promise<boolean>;
  cancelJob(jobId: string): Promise<void>;
  cancelAll(): Promise<void>;
  resumeQueue(): Promise<void>;
  /** Forgets finished jobs, so old failure messages leave the cards. */
  clearFinishedJobs(): Promise<void>;
  refreshBalance(): Promise<void>;
  dismissJobsError(): void;
}

/** Why Retry sends nothing for a job resumed after a restart whose record does not say what it was. */
export const RESUMED_KIND_UNKNOWN =
  'This job was resumed after a restart, and its saved record does not say whether it was a generate or a restyle, so Retry sent nothing. Use Generate or Restyle for this panel.';

export function isTerminal(job: Pick<JobView, 'state'>): boolean {
  return isTerminalState(job.state);
}

/** A paid job the gateway still holds (Castboard lost contact while waiting): collected, never paid again. */
export function isKept(job: Pick<JobView, 'state' | 'error'> | undefined): boolean {
  return job?.state === 'failed' && job.error?.code === 'GATEWAY_JOB_KEPT';
}

export function latestJobByPanel(jobs: readonly JobView[]): Record<string, JobView> {
  const byPanel: Record<string, JobView> = {};
  for (const job of jobs) {
    const current = byPanel[job.panelId];
    if (!current || isTerminal(current) || !isTerminal(job)) byPanel[job.panelId] = job;
  }
  return byPanel;
}

/**
 * The batch once `ids` belong to it: added to the current batch while any of its jobs is still
 * unfinished in `jobs`, else a new batch of their own. Ids already in the batch change nothing
 * (main pushes a new job before it answers the start that made it).
 */
export function joinBatch(batchJobIds: readonly string[], jobs: readonly JobView[], ids: readonly string[]): readonly string[] {
  const inBatch = new Set(batchJobIds);
  const fresh = ids.filter((id) => !inBatch.has(id));
  if (fresh.length === 0) return batchJobIds;
  const running = new Set(jobs.filter((job) => !isTerminal(job)).map((job) => job.id));
  // A new batch is all of this start's jobs, also one that was in the last batch (a kept job collected again).
  return batchJobIds.some((id) => running.has(id)) ? [...batchJobIds, ...fresh] : [...ids];
}

/** The preset's prompt followed by the artist's own words, either of which may be empty. */
export function effectiveStylePrompt(options: Pick<RestyleOptions, 'presetId' | 'stylePrompt'>): string {
  const preset = STYLE_PRESETS.find((candidate) => candidate.id === options.presetId);
  return [preset?.prompt ?? '', options.stylePrompt.trim()].filter((part) => part !== '').join(', ');
}

export function randomSeed(): number {
  return Math.floor(Math.random() * SEED_MAX);
}

export function createJobsSlice(deps: StoreDeps): AppSlice<JobsSlice> {
  return (set, get) => {
    /**
     * Generate on a panel whose paid job the gateway still holds collects that job instead of
     * paying for another (the kept one would arrive on the next open anyway: two images, two charges).
     */
    const collectKept = async (panelIds: readonly string[]): Promise<{ collected: string[]; rest: string[] }> => {
      const { jobByPanel, doc } = get();
      const kept = panelIds.flatMap((id) => {
        const job = jobByPanel[id];
        return job && isKept(job) && job.retryable ? [job] : [];
      });
      if (kept.length === 0) return { collected: [], rest: [...panelIds] };
      for (const job of kept) await deps.api.jobs.retry({ jobId: job.id });
      const numbers = kept.map((job) => (doc?.panels.findIndex((panel) => panel.id === job.panelId) ?? -1) + 1);
      const which = numbers.length === 1 ? `Panel ${numbers[0] ?? ''}'s earlier job is` : `The earlier jobs of panels ${numbers.join(', ')} are`;
      get().showNotice(`${which} paid for and still at the gateway: Castboard collects ${numbers.length === 1 ? 'it' : 'them'} instead of paying again. Generate again once ${numbers.length === 1 ? 'it has' : 'they have'} arrived for another image.`);
      const keptPanels = new Set(kept.map((job) => job.panelId));
      return { collected: kept.map((job) => job.id), rest: panelIds.filter((id) => !keptPanels.has(id)) };
    };

    const start = async (panelIds: readonly string[], request: PanelRequest): Promise<boolean> => {
      if (panelIds.length === 0) return false;
      set({ jobsError: null, jobsErrorCode: null });
      try {
        await deps.sync().flush();
        const { collected, rest: ids } = request.kind === 'generate' ? await collectKept(panelIds) : { collected: [], rest: [...panelIds] };
        const { jobIds } =
          ids.length === 0
            ? { jobIds: [] }
            : request.kind === 'generate'
              ? await deps.api.jobs.generate({ panelIds: ids, variations: request.variations, seed: request.seed })
              : await deps.api.jobs.restyle({ panelIds: ids, stylePrompt: request.stylePrompt, imageWeight: request.imageWeight, variations: request.variations });
        const { queue, batchJobIds, lastRequest } = get();
        const remembered = { ...lastRequest };
        for (const id of ids) remembered[id] = request;
        set({ batchJobIds: joinBatch(batchJobIds, queue?.jobs ?? [], [...collected, ...jobIds]), lastRequest: remembered });
        return true;
      } catch (error) {
        set({ jobsError: messageOf(error), jobsErrorCode: isCastboardError(error) ? error.code : null });
        return false;
      }
    };

    return {
      queue: null,
      jobByPanel: {},
      batchJobIds: [],
      lastRequest: {},
      generateOptions: { variations: 1, seedLocked: false, seed: randomSeed() },
      restyleOptions: { presetId: 'ink-sketch', stylePrompt: '', imageWeight: 50, variations: 1 },
      balanceCents: null,
      jobsError: null,
      jobsErrorCode: null,
      applySnapshot(snapshot) {
        const wasBusy = (get().queue?.jobs ?? []).some((job) => !isTerminal(job));
        const busy = snapshot.jobs.some((job) => !isTerminal(job));
        // Unfinished jobs this page did not start (resumed on open, or from before a reload) count too.
        const unfinished = snapshot.jobs.filter((job) => !isTerminal(job)).map((job) => job.id);
        const batchJobIds = joinBatch(get().batchJobIds, snapshot.jobs, unfinished);
        set({ queue: snapshot, jobByPanel: latestJobByPanel(snapshot.jobs), batchJobIds });
        if ((wasBusy && !busy) || snapshot.pause?.reason === 'out-of-credits') void get().refreshBalance();
      },
      async loadSnapshot() {
        try {
          get().applySnapshot(await deps.api.jobs.snapshot());
        } catch {
          // No queue yet; the first push fills it in.
        }
      },
      setGenerateOptions: (patch) => set({ generateOptions: { ...get().generateOptions, ...patch } }),
      setRestyleOptions: (patch) => set({ restyleOptions: { ...get().restyleOptions, ...patch } }),
      async estimate(panelIds, variations) {
        await deps.sync().flush();
        return deps.api.jobs.estimate({ panelIds: [...panelIds], variations });
      },
      generate(panelIds, variations) {
        const options = get().generateOptions;
        return start(panelIds, { kind: 'generate', variations: variations ?? options.variations, seed: options.seedLocked ? options.seed : null });
      },
      restyle(panelIds) {
        const { imageWeight, variations } = get().restyleOptions;
        const { doc, takesByPanel } = get();
        const eligible = panelIds.filter((id) => {
          const panel = doc?.panels.find((candidate) => candidate.id === id);
          return panel !== undefined && panel.characterId !== null && activeTakeOf(panel, takesByPanel[id]) !== null;
        });
        const stylePrompt = effectiveStylePrompt(get().restyleOptions);
        if (stylePrompt === '') {
          set({ jobsError: 'Describe the style, or pick a preset.' });
          return Promise.resolve(false);
        }
        return start(eligible, { kind: 'restyle', stylePrompt, imageWeight, variations });
      },
      renderPanel(panelId, imageWeight) {
        const doc = get().doc;
        return doc ? start([panelId], { kind: 'restyle', stylePrompt: renderStylePrompt(doc), imageWeight, variations: 1 }) : Promise.resolve(false);
      },
      retryPanel(panelId) {
        const failed = get().jobByPanel[panelId];
        const remembered = get().lastRequest[panelId];
        const retryInMain = (job: JobView) =>
          deps.api.jobs.retry({ jobId: job.id }).then(
            () => true,
            (error: unknown) => (set({ jobsError: messageOf(error) }), false),
          );
        // The gateway still holds the paid job: main asks for it again. A new request would pay twice.
        if (failed && isKept(failed)) return retryInMain(failed);
        // A job resumed after a restart: this page never knew its request, main does and sends the
        // same kind again (a restyle stays a restyle). If main cannot tell its kind, nothing is sent.
        if (failed?.state === 'failed' && failed.resumed) {
          if (failed.kind === 'resume') {
            set({ jobsError: RESUMED_KIND_UNKNOWN, jobsErrorCode: null });
            return Promise.resolve(false);
          }
          if (failed.retryable) return retryInMain(failed);
        }
        // A restyle this page no longer knows (reloaded since) is retried as a restyle, never as a
        // generate (a paid image of the wrong kind): main resends it when it can, else the panel is
        // restyled with the style the inspector shows.
        const forgottenRestyle = !remembered && failed?.state === 'failed' && failed.kind === 'restyle';
        // An unknown outcome may have been received: main resends it with the same Idempotency-Key.
        if (failed?.state === 'failed' && (failed.error?.code === 'GATEWAY_OUTCOME_UNKNOWN' || (forgottenRestyle && failed.retryable))) return retryInMain(failed);
        if (forgottenRestyle) return get().restyle([panelId]);
        // Otherwise the failed request is made afresh, with what the artist changed since.
        const options = get().generateOptions;
        return start([panelId], remembered ?? { kind: 'generate', variations: options.variations, seed: options.seedLocked ? options.seed : null });
      },
      async cancelJob(jobId) {
        await deps.api.jobs.cancel({ jobId }).catch((error: unknown) => set({ jobsError: messageOf(error) }));
      },
      async cancelAll() {
        await deps.api.jobs.cancelAll().catch((error: unknown) => set({ jobsError: messageOf(error) }));
      },
      async resumeQueue() {
        await deps.api.jobs.resume().catch((error: unknown) => set({ jobsError: messageOf(error) }));
      },
      async clearFinishedJobs() {
        await deps.api.jobs.clearFinished().catch((error: unknown) => set({ jobsError: messageOf(error) }));
      },
      async refreshBalance() {
        if (!get().keyStatus?.hasKey) return;
        try {
          const result = await deps.api.key.test();
          set({ balanceCents: result.balanceCents });
        } catch {
          // The balance is informative only; generation reports its own errors.
        }
      },
      dismissJobsError: () => set({ jobsError: null, jobsErrorCode: null }),
    };
  };
}
