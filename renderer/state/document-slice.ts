/**
 * Every change to the undoable document goes through `edit(burst, recipe)`: one place that applies
 * a pure edit (doc-edits.ts), tags it for typing coalescence and lets zundo record it. Selection
 * changes made alongside (select the new panel) are UI state and are not part of the undo step.
 * Undo and redo end the current typing burst so the next keystroke starts a fresh step.
 */
import type { Panel, Project } from '../../shared/domain/project';
import type { AppState } from './app-state';
import { focusAfterHistory } from './focus-after-history';
import { sameValue, typedPatchBurst, type BurstKey } from './history';
import * as edits from './doc-edits';
import type { CharacterFields, PanelFields } from './doc-edits';
import type { AppSlice, StoreDeps } from './store-types';

export interface DocumentSlice {
  /** Applies a pure edit; `burst` groups keystrokes in one field into undo steps (history.ts). */
  edit(burst: BurstKey, recipe: (doc: Project) => Project, ui?: Partial<AppState>): void;
  updatePanel(panelId: string, patch: Partial<PanelFields>): void;
  /** Adds a panel after the focused one (or at the end), selects it and asks for its Scene field to take focus. */
  addPanel(): string | null;
  insertPanel(panelId: string, where: 'before' | 'after'): string | null;
  duplicatePanels(panelIds: readonly string[]): void;
  deletePanels(panelIds: readonly string[]): void;
  /** Undoes the deletion the notice is about, only while it is still the last step; then clears the notice. */
  undoDeletion(): void;
  /** Puts a recently deleted panel (with its takes) back on the board and selects it. */
  restoreDeletedPanel(panelId: string): void;
  movePanelsBefore(panelIds: readonly string[], beforeId: string | null): void;
  nudgePanels(panelIds: readonly string[], delta: -1 | 1): void;
  setActiveTake(panelId: string, takeId: string): void;
  addCharacter(): string | null;
  updateCharacter(characterId: string, patch: Partial<CharacterFields>): void;
  deleteCharacter(characterId: string): void;
  /** Ends a typing burst (a field lost focus). */
  endTyping(): void;
  undo(): void;
  redo(): void;
}

const TYPED_PANEL_FIELDS: ReadonlySet<string> = new Set(['scenePrompt', 'dialogue', 'action', 'notes', 'durationSeconds']);
const TYPED_CHARACTER_FIELDS: ReadonlySet<string> = new Set(['name', 'description']);

export function createDocumentSlice(deps: StoreDeps): AppSlice<DocumentSlice> {
  return (set, get) => {
    /**
     * Typing that brings its field back to where its undo step started (a number put back after
     * an out-of-range draft, a word typed and erased) takes that step away instead of adding one
     * that changes nothing: Ctrl+Z then undoes the change before it.
     */
    const takesBackStep = (burst: BurstKey, next: Project, ui: Partial<AppState> | undefined): boolean => {
      const history = deps.history();
      const { pastStates } = history.getState();
      const start = pastStates.at(-1)?.doc;
      if (!start || !deps.coalescer.continues(burst) || !sameValue(start, next)) return false;
      deps.coalescer.breakBurst();
      history.getState().pause();
      try {
        set({ doc: start, ...ui });
      } finally {
        history.getState().resume();
      }
      history.setState({ pastStates: pastStates.slice(0, -1) });
      return true;
    };
    const edit: DocumentSlice['edit'] = (burst, recipe, ui) => {
      const doc = get().doc;
      if (!doc) return;
      const next = recipe(doc);
      if (next === doc) {
        if (ui) set(ui);
      } else if (!takesBackStep(burst, next, ui)) {
        deps.coalescer.run(burst, () => set({ doc: next, ...ui }));
      }
    };
    const select = (ids: string[]): Partial<AppState> => ({ selectedIds: ids, focusedId: ids.at(-1) ?? null, anchorId: ids[0] ?? null });

    const insertAt = (index: number): string | null => {
      const doc = get().doc;
      if (!doc) return null;
      const result = edits.insertNewPanel(doc, index);
      // A new panel is for writing: it is selected and its Scene field takes the keyboard.
      edit(null, () => result.doc, { ...select([result.panelId]), sceneFocusFor: result.panelId });
      return result.panelId;
    };

    /** Undo or redo one step; the inspector stays on a panel (focus-after-history.ts). */
    const stepHistory = (step: 'undo' | 'redo') => {
      deps.coalescer.breakBurst();
      const { doc: before, focusedId } = get();
      deps.history().getState()[step]();
      const next = focusAfterHistory(before, get().doc, focusedId);
      if (next !== focusedId) set(select(next === null ? [] : [next]));
    };

    return {
      edit,
      updatePanel(panelId, patch) {
        const panel = get().doc?.panels.find((candidate) => candidate.id === panelId);
        edit(typedPatchBurst(`panel:${panelId}`, panel, patch, TYPED_PANEL_FIELDS), (doc) => edits.updatePanel(doc, panelId, patch));
      },
      addPanel() {
        const { doc, focusedId } = get();
        if (!doc) return null;
        const focusedIndex = doc.panels.findIndex((panel) => panel.id === focusedId);
        return insertAt(focusedIndex < 0 ? doc.panels.length : focusedIndex + 1);
      },
      insertPanel(panelId, where) {
        const index = get().doc?.panels.findIndex((panel) => panel.id === panelId) ?? -1;
        return index < 0 ? null : insertAt(where === 'before' ? index : index + 1);
      },
      duplicatePanels(panelIds) {
        const doc = get().doc;
        if (!doc) return;
        const result = edits.duplicatePanels(doc, panelIds);
        if (result.panelIds.length > 0) edit(null, () => result.doc, select(result.panelIds));
      },
      deletePanels(panelIds) {
        const doc = get().doc;
        if (!doc || panelIds.length === 0) return;
        const doomed = new Set(panelIds);
        const lastIndex = doc.panels.findLastIndex((panel) => doomed.has(panel.id));
        const survivors = doc.panels.filter((panel) => !doomed.has(panel.id));
        const removedBefore = doc.panels.slice(0, lastIndex + 1).filter((panel) => doomed.has(panel.id)).length;
        const next = survivors[lastIndex + 1 - removedBefore] ?? survivors.at(-1);
        const hasTakes = (panel: Panel) => (get().takesByPanel[panel.id]?.length ?? 0) > 0;
        edit(null, (current) => edits.deletePanels(current, panelIds, undefined, hasTakes), select(next ? [next.id] : []));
      },
      undoDeletion() {
        const { notice, doc } = get();
        if (notice?.undoesTo && notice.undoesTo === doc) get().undo();
        get().dismissNotice();
      },
      restoreDeletedPanel(panelId) {
        edit(null, (doc) => edits.restoreDeletedPanel(doc, panelId), select([panelId]));
      },
      movePanelsBefore: (panelIds, beforeId) => edit(null, (doc) => edits.movePanelsBefore(doc, panelIds, beforeId)),
      nudgePanels: (panelIds, delta) => edit(null, (doc) => edits.nudgePanels(doc, panelIds, delta)),
      setActiveTake(panelId, takeId) {
        if (!(get().takesByPanel[panelId] ?? []).some((take) => take.id === takeId)) return;
        edit(null, (doc) => edits.setActiveTakeId(doc, panelId, takeId));
      },
      addCharacter() {
        const doc = get().doc;
        if (!doc) return null;
        const result = edits.addCharacter(doc);
        edit(null, () => result.doc);
        return result.characterId;
      },
      updateCharacter(characterId, patch) {
        const character = get().doc?.characters.find((candidate) => candidate.id === characterId);
        edit(typedPatchBurst(`character:${characterId}`, character, patch, TYPED_CHARACTER_FIELDS), (doc) => edits.updateCharacter(doc, characterId, patch));
      },
      deleteCharacter: (characterId) => edit(null, (doc) => edits.deleteCharacter(doc, characterId)),
      endTyping: () => deps.coalescer.breakBurst(),
      undo: () => stepHistory('undo'),
      redo: () => stepHistory('redo'),
    };
  };
}
