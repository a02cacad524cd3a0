/**
 * The open project: folder, undoable document (`doc`, takes emptied) and the takes per panel
 * (`takesByPanel`, outside undo, only ever grows), save status, what opening found, the recent
 * list. Loading a project and applying pushed takes never become undo steps; when main makes a
 * first take active, every recorded document gets it too, so undo cannot hide a new image.
 */
import { isCastboardError, type ErrorCode } from '../../shared/errors';
import type { AspectRatio, Panel, Project, Take } from '../../shared/domain/project';
import type { ListedRecentProject, OpenReport, SaveStatus } from '../../shared/domain/project-status';
import type { EventPayload, ResponseOf } from '../../shared/ipc/contract';
import { messageOf } from '../lib/errors';
import type { AppSlice, StoreDeps } from './store-types';
import { setActiveTakeId, withDeletedEntry } from './doc-edits';
import { activeTakeOf, mergeTakes, splitTakes, type TakesByPanel } from './takes';

export type OpenedProject = NonNullable<ResponseOf<'project:current'>>;

export interface OpenError {
  code: ErrorCode | 'UNKNOWN';
  message: string;
  /** The file was damaged or invalid: the newest backup may open. */
  canOpenBackup: boolean;
}

export interface ProjectSlice {
  root: string | null;
  doc: Project | null;
  takesByPanel: TakesByPanel;
  saveStatus: SaveStatus | null;
  /** Edits main has not received yet (the debounce is running or an update is in flight). */
  localChanges: boolean;
  openReport: OpenReport | null;
  /** Newest first; projects moved or deleted stay listed, marked `missing`. */
  recent: readonly ListedRecentProject[];
  openError: OpenError | null;
  /** A project action (open, create, close) is running: buttons wait. */
  projectBusy: boolean;
  mediaUrl(relativePath: string): string;
  loadRecent(): Promise<void>;
  restoreCurrent(): Promise<void>;
  /** False when the artist cancelled the folder dialog. */
  createProject(title: string, aspectRatio: AspectRatio): Promise<boolean>;
  openProject(): Promise<void>;
  openRecent(path: string): Promise<void>;
  /** Takes a project off the recent list (one that was moved or deleted). */
  removeRecent(path: string): Promise<void>;
  openBackup(): Promise<void>;
  saveProject(): Promise<void>;
  /** Copies the project to a new folder (main asks where) and keeps working in the copy. */
  saveProjectAs(): Promise<void>;
  closeProject(): Promise<void>;
  /** Main switched or reopened the project itself (OS open, menu): show what it has now. */
  reloadCurrent(): Promise<void>;
  dismissReport(): void;
  dismissOpenError(): void;
  applyOpened(opened: OpenedProject): void;
  applyTakesAdded(event: EventPayload<'project:takesAdded'>): void;
  setSaveStatus(status: SaveStatus): void;
}

const BACKUP_CODES: ReadonlySet<string> = new Set(['PROJECT_UNREADABLE', 'PROJECT_INVALID']);

function toOpenError(error: unknown): OpenError {
  const code = isCastboardError(error) ? error.code : 'UNKNOWN';
  return { code, message: messageOf(error), canOpenBackup: BACKUP_CODES.has(code) };
}

/** Gives a panel its first active take in a recorded document, if that panel still has none. */
function withActiveTake(doc: Project | null | undefined, panelId: string, takeId: string, takes: readonly Take[]): Project | null | undefined {
  if (!doc) return doc;
  const panel = doc.panels.find((candidate) => candidate.id === panelId);
  if (!panel || activeTakeOf(panel, takes)) return doc;
  return setActiveTakeId(doc, panelId, takeId);
}

export function createProjectSlice(deps: StoreDeps): AppSlice<ProjectSlice> {
  return (set, get) => {
    const withoutHistory = (apply: () => void) => {
      const history = deps.history();
      history.getState().pause();
      try {
        apply();
      } finally {
        history.getState().resume();
      }
    };

    /**
     * The welcome screen shows openError; the editor has no place for it, so while a project is
     * open (closing or opening another refused, e.g. images still generating) it is also said
     * under the board, unless a dialog that shows it is open.
     */
    const reportOpenError = (error: unknown) => {
      const openError = toOpenError(error);
      set({ openError });
      if (get().doc && !get().dialog) get().showNotice(openError.message);
    };

    const runOpen = async (open: () => Promise<OpenedProject | null>): Promise<boolean> => {
      set({ projectBusy: true, openError: null });
      try {
        await deps.sync().flush();
        const opened = await open();
        if (opened) get().applyOpened(opened);
        return opened !== null;
      } catch (error) {
        reportOpenError(error);
        return false;
      } finally {
        set({ projectBusy: false });
        void get().loadRecent();
      }
    };

    return {
      root: null,
      doc: null,
      takesByPanel: {},
      saveStatus: null,
      localChanges: false,
      openReport: null,
      recent: [],
      openError: null,
      projectBusy: false,
      mediaUrl: (relativePath) => deps.api.mediaUrl(relativePath),

      async loadRecent() {
        try {
          set({ recent: await deps.api.project.recent() });
        } catch {
          // The recent list is a convenience; the Open button still works without it.
        }
      },
      async restoreCurrent() {
        try {
          const opened = await deps.api.project.current();
          if (opened && get().root === null) get().applyOpened(opened);
        } catch {
          // Nothing open in main (or main is still starting): the welcome screen is right.
        }
      },
      createProject: (title, aspectRatio) => runOpen(() => deps.api.project.create({ title, aspectRatio })),
      openProject: async () => void (await runOpen(() => deps.api.project.open())),
      openRecent: async (path) => void (await runOpen(() => deps.api.project.openRecent({ path }))),
      async removeRecent(path) {
        try {
          set({ recent: await deps.api.project.removeRecent({ path }) });
        } catch (error) {
          // Shown where the list is (the start screen's alert), like a failed open.
          set({ openError: { ...toOpenError(error), canOpenBackup: false } });
        }
      },
      openBackup: async () => void (await runOpen(() => deps.api.project.openBackup())),

      async saveProject() {
        if (!get().root) return;
        await deps.sync().flush();
        try {
          set({ saveStatus: await deps.api.project.save() });
        } catch (error) {
          set({ saveStatus: { state: 'error', dirty: true, message: messageOf(error), lastSavedAt: get().saveStatus?.lastSavedAt ?? null, readOnlyReason: null } });
        }
      },
      async saveProjectAs() {
        if (!get().root) return;
        await deps.sync().flush();
        try {
          const opened = await deps.api.project.saveAs();
          if (opened) set({ root: opened.root, saveStatus: opened.status });
        } catch (error) {
          set({ saveStatus: { state: 'error', dirty: true, message: messageOf(error), lastSavedAt: get().saveStatus?.lastSavedAt ?? null, readOnlyReason: null } });
        }
      },
      async reloadCurrent() {
        try {
          const opened = await deps.api.project.current();
          if (opened) get().applyOpened(opened);
        } catch (error) {
          reportOpenError(error);
        }
      },
      async closeProject() {
        set({ projectBusy: true });
        try {
          await deps.sync().flush();
          await deps.api.project.close();
          deps.sync().reset();
          withoutHistory(() =>
            set({ root: null, doc: null, takesByPanel: {}, saveStatus: null, openReport: null, selectedIds: [], focusedId: null, anchorId: null }),
          );
          deps.history().getState().clear();
        } catch (error) {
          reportOpenError(error);
        } finally {
          set({ projectBusy: false });
          void get().loadRecent();
        }
      },
      dismissReport: () => set({ openReport: null }),
      dismissOpenError: () => set({ openError: null }),

      applyOpened({ root, project, status, report }) {
        const { doc, takesByPanel } = splitTakes(project);
        deps.sync().reset();
        deps.coalescer.breakBurst();
        const first = doc.panels[0]?.id ?? null;
        withoutHistory(() =>
          set({
            root,
            doc,
            takesByPanel,
            saveStatus: status,
            openReport: report.message ? report : null,
            openError: null,
            selectedIds: first ? [first] : [],
            focusedId: first,
            anchorId: first,
            // Generate asks for the project's own default number of images until the artist picks another.
            generateOptions: { ...get().generateOptions, variations: doc.style.defaultVariations },
            freshTakeIds: {},
          }),
        );
        deps.history().getState().clear();
        void get().loadSavedConsistency();
      },

      applyTakesAdded(event) {
        const known = new Set((get().takesByPanel[event.panelId] ?? []).map((take) => take.id));
        // A take main made active is on the board already: only the others need pointing out.
        const fresh = event.takes.filter((take) => !known.has(take.id) && take.id !== event.activeTakeId).map((take) => take.id);
        mergeAddedTakes(event);
        if (fresh.length === 0) return;
        // New takes are highlighted until looked at; the artist may also want them shown at once.
        set((state) => ({ freshTakeIds: { ...state.freshTakeIds, ...Object.fromEntries(fresh.map((id) => [id, true as const])) } }));
        const newest = fresh.at(-1);
        // A render from the artist's own sketch or image (issue #15) is what they asked to see: shown at once.
        const drawnSources = new Set((get().takesByPanel[event.panelId] ?? []).filter((take) => take.origin !== undefined).map((take) => take.id));
        const rendered = event.takes.some((take) => take.sourceTakeId !== undefined && drawnSources.has(take.sourceTakeId));
        if ((get().activateNewTakes || rendered) && newest && get().doc?.panels.some((panel) => panel.id === event.panelId)) get().setActiveTake(event.panelId, newest);
      },

      setSaveStatus: (saveStatus) => set({ saveStatus }),
    };

    function mergeAddedTakes({ panelId, takes, activeTakeId, deleted }: EventPayload<'project:takesAdded'>): void {
      const state = get();
      const merged = mergeTakes(state.takesByPanel[panelId], takes);
      const takesByPanel = merged === state.takesByPanel[panelId] ? state.takesByPanel : { ...state.takesByPanel, [panelId]: merged };
      const hasTakes = (panel: Panel) => (takesByPanel[panel.id]?.length ?? 0) > 0;
      // Main kept paid takes whose panel had left the board and Recently deleted: show its new entry.
      const withEntry = (doc: Project | null | undefined) => (deleted ? withDeletedEntry(doc, deleted, hasTakes) : doc);
      const shown = activeTakeId !== null && merged.some((take) => take.id === activeTakeId);
      const change = (doc: Project | null | undefined) => withEntry(shown ? withActiveTake(doc, panelId, activeTakeId, merged) : doc);
      const doc = change(state.doc) ?? null;
      // Main made this change itself and already has it: nothing to send back.
      if (doc && doc !== state.doc && !deps.sync().pending) deps.sync().adopt(doc);
      withoutHistory(() => set({ takesByPanel, doc }));
      if (doc !== state.doc) {
        // Every recorded document gets it too, so undo cannot hide a new image.
        const history = deps.history();
        const fix = (recorded: { doc?: Project | null }) => {
          const next = change(recorded.doc);
          return next === recorded.doc ? recorded : { ...recorded, doc: next };
        };
        const { pastStates, futureStates } = history.getState();
        history.setState({ pastStates: pastStates.map(fix), futureStates: futureStates.map(fix) });
      }
    }
  };
}
