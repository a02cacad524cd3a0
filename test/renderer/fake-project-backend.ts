/**
 * The project and jobs side of the fake transport: behaves like main for component tests.
 * `project:update` is validated with the real ProjectSchema (a renderer bug that sends an invalid
 * document fails the test) and merged like main does (takes are never dropped); jobs are queued
 * and finished by the test (`finishJob`, `failJob`), which pushes `jobs:progress` and
 * `project:takesAdded` exactly as main would.
 */
import type { ReferenceFaceCheck } from '../../shared/domain/reference-face';
import type { TakeConsistency } from '../../shared/domain/consistency';
import type { Awaiting, JobView, PauseState, QueueSnapshot } from '../../shared/domain/jobs';
import { ProjectSchema, type Project, type Take } from '../../shared/domain/project';
import { createEmptyProject } from '../../shared/domain/project-edit';
import { mergeEditedDocument } from '../../shared/domain/merge-document';
import type { ListedRecentProject, SaveStatus } from '../../shared/domain/project-status';
import type { SerializedError } from '../../shared/errors';

export const FIXED_NOW = new Date('2025-11-21T17:40:00.000Z');

export interface ProjectBackend {
  root: string | null;
  project: Project | null;
  recent: ListedRecentProject[];
  /** Answers for project:open / openRecent / create dialogs and project:close: the next error to throw, if any. */
  nextOpenError: SerializedError | null;
  /** What consistency:referenceFace answers, by image (default: one face found, in the centre). */
  referenceFaces: Record<string, ReferenceFaceCheck>;
  /** What consistency:saved answers: the outcomes main kept in the project's cache/ at its last check. */
  savedConsistency: TakeConsistency[];
  /** What the next importImage answers (null = cancelled). */
  importAnswer: { image: string; width: number; height: number } | null;
  /** The next create/open folder dialog is cancelled (the channel answers null). */
  cancelNextDialog: boolean;
  /** The error the next generate/restyle answers with, if any (e.g. NO_API_KEY). */
  nextStartError: SerializedError | null;
  /** The errors the next jobs:estimate calls answer with, one per call, in order (then the price). */
  estimateErrors: SerializedError[];
  jobs: JobView[];
  pause: PauseState | null;
  spentCents: number;
  /** What the queue reports as accepted by the gateway and not collected yet. */
  awaiting: Awaiting;
  pricePerImageCents: number;
  updates: number;
  /** The answer the next contact sheet export gives (null = the save dialog was cancelled). */
  exportAnswer: { files: string[]; pages: number; withoutImage: number[]; missingImages: number[] } | null;
  /** Set by export:cancel: the production export that is running ends as main ends it (CANCELLED). */
  exportCancelled: boolean;
}

export type Emit = (event: string, payload: unknown) => void;

export function sha(n: number): string {
  return n.toString(16).padStart(64, '0');
}

export function makeTake(id: string, n: number, extra: Partial<Take> = {}): Take {
  return {
    id,
    image: `images/${sha(n)}.png`,
    model: 'ideogram/ideogram-character',
    prompt: 'a prompt',
    params: {},
    costCents: 5,
    createdAt: FIXED_NOW.toISOString(),
    ...extra,
  };
}

const savedStatus = (): SaveStatus => ({ state: 'saved', dirty: false, message: null, lastSavedAt: FIXED_NOW.toISOString(), readOnlyReason: null });
const noReport = { imageProblems: [], migratedFrom: null, originalKeptAs: null, message: null };

export function createProjectBackend(initial: Partial<ProjectBackend> = {}): ProjectBackend {
  return {
    root: null,
    project: null,
    recent: [],
    nextOpenError: null,
    importAnswer: null,
    referenceFaces: {},
    savedConsistency: [],
    nextStartError: null,
    estimateErrors: [],
    cancelNextDialog: false,
    jobs: [],
    pause: null,
    spentCents: 0,
    awaiting: { requests: 0, images: 0 },
    pricePerImageCents: 5,
    updates: 0,
    exportAnswer: { files: ['/projects/Night Market contact sheet.png'], pages: 1, withoutImage: [], missingImages: [] },
    exportCancelled: false,
    ...initial,
  };
}

export function snapshotOf(backend: ProjectBackend): QueueSnapshot {
  const counts: QueueSnapshot['counts'] = { queued: 0, sending: 0, waiting: 0, polling: 0, downloading: 0, done: 0, failed: 0, cancelled: 0, total: backend.jobs.length };
  for (const job of backend.jobs) counts[job.state] += 1;
  const spend = { storedImages: 0, storedCents: backend.spentCents, unusableImages: 0, unusableCents: 0, unknownRequests: 0, unknownCents: 0 };
  const pacing = { inFlightLimit: 10, requestsPerMinute: null, learnedFrom: 'setting' as const };
  return { jobs: backend.jobs.map((job) => ({ ...job })), counts, pause: backend.pause, spentCents: backend.spentCents, spend, awaiting: { ...backend.awaiting }, pacing, concurrency: 10 };
}

let jobCounter = 0;

export function projectAnswers(backend: ProjectBackend, emit: Emit): Record<string, (payload: never) => unknown> {
  const opened = () => ({ root: backend.root, project: backend.project, status: savedStatus(), report: noReport });
  const openOrFail = <P,>(open: (payload: P) => unknown) => (payload: P) => {
    const failure = backend.nextOpenError;
    if (failure) {
      backend.nextOpenError = null;
      return { error: failure };
    }
    if (backend.cancelNextDialog) {
      backend.cancelNextDialog = false;
      return null;
    }
    return open(payload);
  };
  const push = () => emit('jobs:progress', snapshotOf(backend));
  const start = (kind: 'generate' | 'restyle', panelIds: string[]) => {
    const failure = backend.nextStartError;
    if (failure) {
      backend.nextStartError = null;
      return { error: failure };
    }
    const jobIds = panelIds.map((panelId) => {
      const id = `job-${++jobCounter}`;
      backend.jobs.push({ id, panelId, kind, state: 'queued' });
      return id;
    });
    push();
    return { jobIds };
  };
  return {
    'project:current': () => (backend.project ? opened() : null),
    'project:recent': () => backend.recent,
    'project:removeRecent': ({ path }: { path: string }) => (backend.recent = backend.recent.filter((entry) => entry.path !== path)),
    'project:create': openOrFail(({ title, aspectRatio }: { title: string; aspectRatio?: Project['aspectRatio'] }) => {
      backend.root = `/projects/${title}.castboard`;
      backend.project = createEmptyProject({ title, aspectRatio }, FIXED_NOW);
      return opened();
    }),
    'project:open': openOrFail(() => (backend.project ? opened() : null)),
    'project:openRecent': openOrFail(() => opened()),
    'project:openBackup': () => opened(),
    'project:update': ({ project }: { project: unknown }) => {
      const parsed = ProjectSchema.safeParse(project);
      if (!parsed.success) return { error: { code: 'INVALID_REQUEST', message: parsed.error.message } };
      backend.project = backend.project ? mergeEditedDocument(backend.project, parsed.data) : parsed.data;
      backend.updates += 1;
      return { ...savedStatus(), state: 'unsaved', dirty: true };
    },
    'project:save': () => savedStatus(),
    'project:close': openOrFail(() => {
      backend.project = null;
      backend.root = null;
      return null;
    }),
    'project:importImage': () => backend.importAnswer,
    'consistency:saved': () => ({ results: backend.savedConsistency }),
    'consistency:referenceFace': ({ image }: { image: string }) => backend.referenceFaces[image] ?? { verdict: 'one-face', faces: 1, chosen: 'centre' },
    'jobs:snapshot': () => snapshotOf(backend),
    'jobs:estimate': ({ panelIds, variations }: { panelIds: string[]; variations?: number }) => {
      const failure = backend.estimateErrors.shift();
      if (failure) return { error: failure };
      const images = panelIds.length * (variations ?? 1);
      return { images, cents: images * backend.pricePerImageCents };
    },
    'jobs:generate': ({ panelIds }: { panelIds: string[] }) => start('generate', panelIds),
    'jobs:restyle': ({ panelIds }: { panelIds: string[] }) => start('restyle', panelIds),
    'jobs:cancel': ({ jobId }: { jobId: string }) => {
      const job = backend.jobs.find((candidate) => candidate.id === jobId);
      if (job && !['done', 'failed'].includes(job.state)) job.state = 'cancelled';
      push();
      return null;
    },
    'jobs:cancelAll': () => {
      for (const job of backend.jobs) if (!['done', 'failed', 'cancelled'].includes(job.state)) job.state = 'cancelled';
      push();
      return null;
    },
    'app:setTitleState': () => null,
    'app:setModalState': () => null,
    'project:saveAs': () => {
      backend.root = '/copies/Night Market.castboard';
      return opened();
    },
    'export:preview': () => ({ pngBase64: 'iVBORw0KGgo=', page: 0, pages: 1, width: 1704, height: 1200 }),
    'export:reveal': () => null,
    'export:contactSheet': () => {
      emit('export:progress', { done: 1, total: 2, page: 1, pages: 1 });
      return backend.exportAnswer;
    },
    'export:productionPreview': ({ format }: { format: string }) => ({
      image: format === 'gif' || format === 'mp4' ? { pngBase64: 'iVBORw0KGgo=', width: 480, height: 270 } : null,
      table: null,
      panels: backend.project?.panels.length ?? 0,
      pages: null,
      page: null,
      seconds: 3 * (backend.project?.panels.length ?? 0),
      frame: { width: 480, height: 270 },
      files: 1,
    }),
    'export:production': ({ format }: { format: string }) => {
      emit('export:progress', { done: 1, total: 3, page: 1, pages: 1 });
      if (backend.exportCancelled) return { error: { code: 'CANCELLED', message: 'Export cancelled. Nothing was written.' } };
      return { files: [`/projects/Night Market.${format}`], withoutImage: [], missingImages: [] };
    },
    'export:cancel': () => {
      backend.exportCancelled = true;
      return { cancelled: true };
    },
    'export:panelImages': ({ selectedPanelIds }: { selectedPanelIds: string[] }) => ({
      files: (selectedPanelIds.length > 0 ? selectedPanelIds : ['a']).map((_, index) => `/out/${String(index + 1).padStart(3, '0')}-panel.png`),
      withoutImage: [],
      missingImages: [],
    }),
    'jobs:retry': ({ jobId }: { jobId: string }) => {
      const job = backend.jobs.find((candidate) => candidate.id === jobId);
      if (job?.state === 'failed') Object.assign(job, { state: 'queued', error: undefined });
      push();
      return null;
    },
    'jobs:resume': () => {
      backend.pause = null;
      push();
      return null;
    },
    'jobs:clearFinished': () => {
      backend.jobs = backend.jobs.filter((job) => !['done', 'failed', 'cancelled'].includes(job.state));
      push();
      return null;
    },
  };
}

/** Finishes a job like main: stores the takes, picks the first as active if none, pushes both events. */
export function finishJob(backend: ProjectBackend, emit: Emit, jobId: string, takes: Take[]): void {
  const job = backend.jobs.find((candidate) => candidate.id === jobId);
  if (!job || !backend.project) throw new Error(`no job ${jobId}`);
  job.state = 'done';
  backend.spentCents += takes.length * backend.pricePerImageCents;
  let activeTakeId: string | null = null;
  backend.project = {
    ...backend.project,
    panels: backend.project.panels.map((panel) => {
      if (panel.id !== job.panelId) return panel;
      activeTakeId = panel.activeTakeId ?? takes[0]?.id ?? null;
      return { ...panel, takes: [...panel.takes, ...takes], activeTakeId };
    }),
  };
  emit('project:takesAdded', { panelId: job.panelId, takes, activeTakeId });
  emit('jobs:progress', snapshotOf(backend));
}

export function failJob(backend: ProjectBackend, emit: Emit, jobId: string, error: SerializedError): void {
  const job = backend.jobs.find((candidate) => candidate.id === jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  job.state = 'failed';
  job.error = error;
  emit('jobs:progress', snapshotOf(backend));
}
