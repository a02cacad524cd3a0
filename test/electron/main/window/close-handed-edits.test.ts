/**
 * Closing right after typing keeps what was typed: the window sends an edit 300 ms after the
 * last keystroke (renderer/state/doc-sync.ts) and reports it as unsent meanwhile; "Save and
 * Close" (or opening another project) waits for it before main saves and closes the project, so
 * the save has the words on screen. A page that never sends it does not keep the window open.
 * Driven through the real title keeper and close guard, with a page that behaves like the
 * renderer's sync (title state first, the update later, then the title state without it).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { confirmAndFinish, HANDED_EDITS_WAIT_MS, type CloseIntent } from '../../../../electron/main/window/close-guard';
import { createTitleKeeper } from '../../../../electron/main/window/window-title';

const SYNC_DELAY_MS = 300;

function desktop() {
  const title = createTitleKeeper({ platform: 'linux', windows: () => [] });
  const main = { scene: 'Mara at the door', savedScene: null as string | null };
  /** The artist types: the page reports the unsent edit now and sends it after its delay (unless it hangs). */
  const type = (scene: string, { hangs = false } = {}) => {
    title.set({ projectTitle: 'Night Shift', dirty: true, unsentEdits: true });
    if (hangs) return;
    setTimeout(() => {
      main.scene = scene; // project:update reached main
      title.set({ projectTitle: 'Night Shift', dirty: true, unsentEdits: false });
    }, SYNC_DELAY_MS);
  };
  const close = (intent: CloseIntent) =>
    confirmAndFinish(
      {
        facts: () => ({ projectTitle: 'Night Shift', unsavedChanges: title.state.dirty, jobsRunning: false }),
        ask: async () => 0, // "Save and Close", pressed at once
        handedEdits: () => title.untilEditsHanded(HANDED_EDITS_WAIT_MS),
        finish: async () => {
          main.savedScene = main.scene;
        },
      },
      intent,
    );
  return { main, type, close };
}

afterEach(() => vi.useRealTimers());

describe('closing right after typing', () => {
  it.each<CloseIntent>(['close', 'switch'])('saves the words typed a moment before (%s)', async (intent) => {
    vi.useFakeTimers();
    const { main, type, close } = desktop();
    type('Mara at the door, soaked');
    const closing = close(intent);
    await vi.advanceTimersByTimeAsync(SYNC_DELAY_MS);
    expect(await closing).toBe(true);
    expect(main.savedScene).toBe('Mara at the door, soaked');
  });

  it('does not wait when the window holds nothing unsent', async () => {
    const { main, close } = desktop();
    expect(await close('close')).toBe(true);
    expect(main.savedScene).toBe('Mara at the door');
  });

  it('closes anyway when the page never sends its edit (hung or crashed)', async () => {
    vi.useFakeTimers();
    const { main, type, close } = desktop();
    type('Mara at the door, soaked', { hangs: true });
    let done = false;
    const closing = close('close').then((proceed) => ((done = true), proceed));
    await vi.advanceTimersByTimeAsync(HANDED_EDITS_WAIT_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await closing).toBe(true);
    expect(main.savedScene).toBe('Mara at the door');
  });
});
