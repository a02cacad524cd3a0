/**
 * Generation for the open project: builds jobs from panels, runs them on the paid-request-safe
 * queue, and turns every paid result into takes that are saved at once. Invariants:
 *  - an async job's id is in project.json (pendingJobs) before it is polled, with its kind, params
 *    and images (if that save fails, the job is polled anyway: it is paid for); on open every pending job is resumed by polling, never resubmitted by itself; a
 *    Retry after it failed sends its own request again (resend.ts), never another kind;
 *  - a result is stored and saved before anything else happens; a failure adds nothing;
 *  - no batch starts without a key, and a batch is validated whole before any job is queued;
 *  - an image that finished after its job was cancelled is kept as a take with the note
 *    "finished after cancel"; it never replaces the take shown, but a panel with none shows it;
 *  - money paid without an image (unusable answer, unknown outcome) is recorded in the project
 *    (paidWithoutImage), and an async job that ended without a result leaves pendingJobs;
 *  - a request is recorded as of unknown outcome before it is sent (sent-requests.ts), so a kill
 *    before its answer is stored still counts it.
 */
import { TERMINAL_JOB_STATES, type CostEstimate, type JobView, type QueueSnapshot } from '../../../shared/domain/jobs';
import type { PendingJobImages } from '../../../shared/domain/project';
import type { Settings } from '../../../shared/domain/settings';
import { CastboardError } from '../../../shared/errors';
import { createGatewayClient } from '../gateway/gateway-client';
import type { AcceptedJob, GenerationResult, RequestParams } from '../gateway/gateway-types';
import { createGenerationQueue, type GenerationQueue } from '../gateway/generation-queue';
import { writeAgainAdvice } from '../project/fs-errors';
import { canAddProjectFiles } from '../project/project-files';
import { IMAGES_DIR } from '../project/project-paths';
import type { QueueJob, ResultContext } from '../gateway/queue-types';
import type { Logger } from '../logger';
import type { ProjectWorkspace } from '../workspace/project-workspace';
import { checkPanelsCanBeSent, generateJobs, pendingTakes, restyleJobs, uniquePendingJobs } from './panel-jobs';
import { requestImagesFor, resendSource, SOURCE_TAKE_PARAM, sourceTakeOf } from './resend';
import { createSentRequests } from './sent-requests';
import { createHeldResults } from './held-results';
import { createRequestedImages } from './requested-images';
import { createSpendRecord } from './spend-record';
import { paramsToRecord, takesFromResult } from './takes-from-result';
import type { EventPayload } from '../../../shared/ipc/contract';

export interface GenerationServiceDeps {
  workspace: ProjectWorkspace;
  settings: () => Settings;
  apiKey: () => string | undefined;
  logger: Logger;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  onProgress: (snapshot: QueueSnapshot) => void;
  onTakesAdded: (event: EventPayload<'project:takesAdded'>) => void;
}

/** What a job's pending record keeps besides its params: the images it sent and, for a restyle, its source take. */
interface Provenance {
  images?: PendingJobImages;
  sourceTakeId?: string;
}

export const FINISHED_AFTER_CANCEL = 'finished after cancel';

function whyNotRetryable(job: JobView): string {
  if (job.kind === 'resume') return 'Castboard does not know what it asked for. Generate the panel again if you still need it.';
  return 'the image service would refuse the same request again. Change the panel (its scene, settings or reference image) and generate it again.';
}

export function createGenerationService(deps: GenerationServiceDeps) {
  const now = deps.now ?? (() => new Date());
  /** Per queue job id: what its pending record and takes name besides the request's params. */
  const provenance = new Map<string, Provenance>();

  /**
   * Paid results must have somewhere to go: refuse to spend on a project that cannot be written,
   * whether it opened read-only or its folder stopped being writable since (else the images are
   * paid for, then held in memory until the folder can be written again).
   */
  async function requireWritableProject(): Promise<void> {
    const current = deps.workspace.current();
    const readOnly = current?.status.readOnlyReason;
    if (readOnly) {
      throw new CastboardError('PROJECT_SAVE_FAILED', `Nothing was generated: this project is open read-only (${readOnly}) and could not keep the images. Use Save As to make a copy you can edit.`);
    }
    if (current && !(await canAddProjectFiles(current.root, IMAGES_DIR))) {
      throw new CastboardError(
        'PROJECT_SAVE_FAILED',
        `Nothing was generated or charged: Castboard cannot write to the project folder "${current.root}" right now (it is read-only or protected), so the images would have nowhere to go. Make the folder writable again, or use Save As to save a copy somewhere else, then try again.`,
      );
    }
  }

  function requireKey(): string {
    const key = deps.apiKey();
    if (!key) throw new CastboardError('NO_API_KEY', 'Add your AIgateway API key in Settings first.');
    return key;
  }

  const spendRecord = createSpendRecord(deps.workspace, now);
  const sentRequests = createSentRequests(spendRecord, () => deps.settings().pricePerImageCents);

  async function store(job: QueueJob, result: GenerationResult, context: ResultContext): Promise<void> {
    const { workspace } = deps;
    const takes = await takesFromResult(result, (png) => workspace.putVerifiedImage(png), {
      sourceTakeId: provenance.get(job.id)?.sourceTakeId,
      now: now(),
      note: context.afterCancel ? FINISHED_AFTER_CANCEL : undefined,
    });
    const reference = provenance.get(job.id)?.images?.reference;
    const added = workspace.addTakes(job.panelId, takes, { activate: !context.afterCancel, ...(reference ? { reference } : {}) });
    if (result.remoteJobId) workspace.setPendingJobs((jobs) => jobs.filter((pending) => pending.id !== result.remoteJobId));
    // An unknown outcome answered by a Retry with the same key is now a stored take, not a loss.
    spendRecord.settle(context.idempotencyKey);
    provenance.delete(job.id);
    deps.onTakesAdded(added);
    // The takes are in the open document now; a failed save is reported by the project status and
    // retried by autosave, so it does not turn this paid job into a failure.
    await workspace.save().catch((error: unknown) => deps.logger.warn('Saving after a generation failed; autosave retries', { error }));
  }

  /** Images requested per queue job id, to know what is on its way to each panel. */
  const requested = createRequestedImages();

  /** Paid results whose images could not be written yet (e.g. a full disk), retried until they are. */
  const held = createHeldResults({ store, spendRecord, onStored: (jobId) => queue.heldStored(jobId) });

  async function onResult(job: QueueJob, result: GenerationResult, context: ResultContext): Promise<void> {
    try {
      await store(job, result, context);
    } catch (error) {
      held.hold(job, result, context);
      const reason = error instanceof CastboardError ? error.message : 'the project folder could not be written';
      throw new CastboardError(
        'RESULT_NOT_STORED',
        `The images were made and paid for, but could not be written into the project yet (${reason}). Castboard keeps them and adds them by itself as soon as it can write again: ${writeAgainAdvice(error)} and keep Castboard open.`,
      );
    }
  }

  async function onJobAccepted(job: QueueJob, accepted: AcceptedJob, idempotencyKey: string): Promise<void> {
    // A resumed job is persisted already, unless a Retry sent its request again (a new gateway job).
    if (job.kind === 'resume' && accepted.jobId === job.accepted.jobId) return;
    const kind = job.kind === 'resume' ? job.resend?.kind : job.kind;
    const { images, sourceTakeId } = provenance.get(job.id) ?? {};
    sentRequests.accepted(idempotencyKey);
    deps.workspace.setPendingJobs((jobs) => [
      ...jobs,
      {
        id: accepted.jobId,
        panelId: job.panelId,
        ...(kind ? { kind } : {}),
        submittedAt: now().toISOString(),
        idempotencyKey,
        params: paramsToRecord(accepted.params, sourceTakeId ? { [SOURCE_TAKE_PARAM]: sourceTakeId } : {}),
        ...(images ? { images } : {}),
      },
    ]);
    // The gateway holds this job now and it is paid for: a save that fails (disk full) must not
    // stop it from being polled, or its image is lost and a Retry would pay for it again. The
    // record stays in the open document; autosave (or the next save) writes it.
    await deps.workspace.save().catch((error: unknown) => deps.logger.warn('Saving an accepted job failed; it is polled anyway and autosave retries', { error }));
  }

  /** An async job that ended without a result (failed, forgotten, cancelled by the gateway) leaves pendingJobs. */
  function onJobEnded(_job: QueueJob, view: JobView, remoteJobId: string | undefined): void {
    if (!remoteJobId || !deps.workspace.current()) return;
    // Its result is held, not lost: until it is written, the pending record is what lets a later
    // session (or the next CLI run) collect it again without paying.
    if (view.error?.code === 'RESULT_NOT_STORED') return;
    deps.workspace.setPendingJobs((jobs) => jobs.filter((pending) => pending.id !== remoteJobId));
    deps.workspace.save().catch((error: unknown) => deps.logger.warn('Saving after a job ended failed; autosave retries', { error }));
  }

  const queue: GenerationQueue = createGenerationQueue({
    client: () =>
      createGatewayClient({
        apiKey: requireKey(),
        baseURL: deps.settings().gatewayBaseUrl,
        fetch: deps.fetch,
        pricePerImageCents: deps.settings().pricePerImageCents,
        timeoutMs: deps.settings().requestTimeoutSeconds * 1000,
        logger: deps.logger,
      }),
    concurrency: deps.settings().concurrency,
    pricePerImageCents: deps.settings().pricePerImageCents,
    retryAfterCapMs: deps.settings().retryAfterCapSeconds * 1000,
    onResult,
    onJobAccepted,
    onJobEnded,
    beforeSubmit: (job, idempotencyKey) => sentRequests.sending(job, idempotencyKey),
    onPaidWithoutImage: (job, event) => void spendRecord.add(job.panelId, event),
    onProgress: (snapshot) => {
      sentRequests.reconcile(snapshot);
      requested.prune(snapshot);
      deps.onProgress(snapshot);
    },
  });

  function applySettings(): void {
    queue.setConcurrency(deps.settings().concurrency);
    queue.setRetryAfterCap(deps.settings().retryAfterCapSeconds * 1000);
  }

  /** Takes on their way to a panel: pending async jobs, and jobs or held results with no job id. */
  function comingTakes(panelId: string): number {
    let images = pendingTakes(deps.workspace.project(), panelId);
    for (const job of queue.snapshot().jobs) {
      if (job.panelId === panelId && !job.remoteJobId && !TERMINAL_JOB_STATES.has(job.state)) images += requested.of(job.id);
    }
    return images + held.comingTo(panelId);
  }

  const context = () => ({ project: deps.workspace.project(), readImage: deps.workspace.readImage, comingTakes });

  /**
   * The queue's finished jobs belong to the project they were made for. When another one opens,
   * they go: a Retry of one would store its images in the wrong project. (A kept job lives on in
   * its own project's pendingJobs and is collected when that opens again.) The same project
   * reopened keeps them, so an unknown outcome can still be retried with its own key.
   */
  let jobsBelongTo: string | null = null;
  function forgetOtherProjectsJobs(): void {
    const root = deps.workspace.root();
    if (jobsBelongTo !== null && root !== jobsBelongTo) queue.clearFinished(true);
    jobsBelongTo = root;
  }

  return {
    /** The cost of a batch, once it is known the batch could be sent (no price for a batch that would fail). */
    async estimate({ panelIds, variations }: { panelIds: string[]; variations: number }): Promise<CostEstimate> {
      await checkPanelsCanBeSent(context(), panelIds, variations);
      const images = panelIds.length * variations;
      return { images, cents: images * deps.settings().pricePerImageCents };
    },

    async generate(request: { panelIds: string[]; variations: number; seed: number | null }): Promise<{ jobIds: string[] }> {
      requireKey();
      await requireWritableProject();
      const from = context();
      const jobs = await generateJobs(from, request.panelIds, request);
      for (const job of jobs) provenance.set(job.id, { images: requestImagesFor(from.project, job.panelId) });
      applySettings();
      requested.remember(jobs);
      queue.add(jobs);
      return { jobIds: jobs.map((job) => job.id) };
    },

    async restyle(request: { panelIds: string[]; stylePrompt: string; imageWeight: number; variations: number }): Promise<{ jobIds: string[] }> {
      requireKey();
      await requireWritableProject();
      const from = context();
      const planned = await restyleJobs(from, request.panelIds, request);
      for (const { job, sourceTakeId } of planned) provenance.set(job.id, { images: requestImagesFor(from.project, job.panelId, sourceTakeId), sourceTakeId });
      applySettings();
      requested.remember(planned.map(({ job }) => job));
      queue.add(planned.map(({ job }) => job));
      return { jobIds: planned.map(({ job }) => job.id) };
    },

    /** Called after a project opens: polls every job it had accepted, never resubmits (only a Retry after a failure resends). */
    resumePending(): number {
      forgetOtherProjectsJobs();
      const pending = uniquePendingJobs(deps.workspace.project());
      queue.add(
        pending.map((record): QueueJob => {
          const id = `resume-${record.id}`;
          const sourceTakeId = sourceTakeOf(record);
          provenance.set(id, { images: record.images, sourceTakeId });
          const resend = resendSource(record, {
            project: () => deps.workspace.project(),
            readImage: (image) => deps.workspace.readImage(image),
            onImages: (images) => provenance.set(id, { images, sourceTakeId }),
          });
          return {
            id,
            kind: 'resume',
            panelId: record.panelId,
            accepted: { jobId: record.id, params: record.params as unknown as RequestParams, submittedAt: Date.parse(record.submittedAt) },
            idempotencyKey: record.idempotencyKey,
            ...(resend ? { resend } : {}),
          };
        }),
      );
      return pending.length;
    },

    cancel: (jobId: string) => void queue.cancel(jobId),
    cancelAll: () => queue.cancelAll(),
    /** Drops in-flight requests too; returns the jobs that may have been paid without an image. */
    stopNow: () => queue.stopNow(),
    /** Runs a failed job again; says why when it cannot (a Retry that silently does nothing looks broken). */
    retry(jobId: string): void {
      const job = queue.snapshot().jobs.find((candidate) => candidate.id === jobId);
      if (!job) throw new CastboardError('NOT_FOUND', 'That job is no longer in the list (cleared, or from before Castboard restarted), so nothing was sent. Generate the panel again if you still need it.');
      if (job.state === 'failed' && !job.retryable) throw new CastboardError('INVALID_REQUEST', `This job cannot be retried as it was, so nothing was sent: ${whyNotRetryable(job)}`);
      queue.retry(jobId); // a job that is not failed (already running again) is left as it is
    },
    resume: () => queue.resume(),
    clearFinished: () => queue.clearFinished(),
    snapshot: (): QueueSnapshot => queue.snapshot(),
    /** Jobs still running, or paid results not written yet (they belong to the open project). */
    isBusy: (): boolean => {
      const { counts } = queue.snapshot();
      return counts.total - counts.done - counts.failed - counts.cancelled > 0 || held.count > 0;
    },
    /** Images whose requests are at the gateway now with no job id to collect them by (paid for; lost if the app stops them). */
    paidInFlight: (): number => queue.imagesLostIfStopped(),
    /** Queue jobs whose image count is remembered for the takes-per-panel check (tests: it is pruned). */
    rememberedJobs: (): number => requested.size,
    /** Paid images still waiting to be written (also retried every few seconds by itself). */
    heldImages: held.images,
    storeHeldResults: held.storeAll,
    abandonHeldResults: held.abandon,
    dispose: () => {
      held.stopRetrying();
      queue.dispose();
    },
  };
}

export type GenerationService = ReturnType<typeof createGenerationService>;
