/**
 * Hands the document to main. Every document change schedules one `project:update` (debounced);
 * updates are sent one at a time and in order, each with the full document composed with its
 * takes. `flush()` sends a pending change now and resolves when main has it: generation, save
 * and close call it first so main never works from an older scene text than the one on screen.
 */
import type { Project } from '../../shared/domain/project';
import type { SaveStatus } from '../../shared/domain/project-status';
import type { CastboardApi } from '../lib/api';
import { messageOf } from '../lib/errors';
import { composeProject, type TakesByPanel } from './takes';

export const SYNC_DELAY_MS = 300;

export interface SyncSource {
  getState(): { root: string | null; doc: Project | null; takesByPanel: TakesByPanel };
  subscribe(listener: (state: { doc: Project | null; root: string | null }, previous: { doc: Project | null; root: string | null }) => void): () => void;
}

export interface DocSync {
  flush(): Promise<void>;
  /** The next document set to exactly this one came from main (it already has it): do not send it back. */
  adopt(doc: Project): void;
  /** Forgets a pending change (the project was closed or replaced). */
  reset(): void;
  readonly pending: boolean;
  dispose(): void;
}

export interface SyncListeners {
  onStatus(status: SaveStatus): void;
  /** True while edits exist that main has not received yet. */
  onPending(pending: boolean): void;
}

export function startDocSync(source: SyncSource, api: CastboardApi, listeners: SyncListeners, delayMs = SYNC_DELAY_MS): DocSync {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let inFlight = 0;
  let adopted: Project | null = null;
  let chain: Promise<void> = Promise.resolve();
  const { onStatus } = listeners;
  const report = () => listeners.onPending(dirty || inFlight > 0);

  const send = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (!dirty) return chain;
    dirty = false;
    const { doc, takesByPanel, root } = source.getState();
    if (!doc || !root) return chain;
    const project = composeProject(doc, takesByPanel);
    inFlight += 1;
    chain = chain.then(async () => {
      try {
        onStatus(await api.project.update({ project, root }));
      } catch (error) {
        onStatus({ state: 'error', dirty: true, message: messageOf(error), lastSavedAt: null, readOnlyReason: null });
      } finally {
        inFlight -= 1;
        report();
      }
    });
    return chain;
  };

  const unsubscribe = source.subscribe((state, previous) => {
    if (state.doc === previous.doc || !state.doc || state.root !== previous.root) return;
    if (state.doc === adopted) {
      adopted = null;
      return;
    }
    const wasDirty = dirty;
    dirty = true;
    if (!wasDirty) report();
    clearTimeout(timer);
    timer = setTimeout(() => void send(), delayMs);
  });

  const onPageHide = () => void send();
  globalThis.addEventListener?.('pagehide', onPageHide);

  return {
    flush: send,
    adopt(doc) {
      adopted = doc;
    },
    reset() {
      clearTimeout(timer);
      timer = undefined;
      dirty = false;
      adopted = null;
      report();
    },
    get pending() {
      return dirty;
    },
    dispose() {
      clearTimeout(timer);
      unsubscribe();
      globalThis.removeEventListener?.('pagehide', onPageHide);
    },
  };
}
