/**
 * Autosave timing: one save `delayMs` after the LAST change (each change restarts the wait), so
 * typing never triggers a write per keystroke. Timers are injected so tests drive time. A null
 * delay turns autosave off (changes then wait for an explicit save).
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending autosave must not keep a CLI or test process alive on its own.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Debouncer {
  /** (Re)starts the wait; `run` is called once the wait ends without another schedule(). */
  schedule(): void;
  cancel(): void;
  setDelay(delayMs: number | null): void;
  readonly pending: boolean;
}

export function createDebouncer(run: () => void, delayMs: number | null, timers: Timers = realTimers): Debouncer {
  let handle: unknown = null;
  let delay = delayMs;
  const cancel = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  return {
    schedule() {
      cancel();
      if (delay === null) return;
      handle = timers.setTimeout(() => {
        handle = null;
        run();
      }, delay);
    },
    cancel,
    setDelay(next) {
      const wasPending = handle !== null;
      delay = next;
      if (wasPending) this.schedule();
    },
    get pending() {
      return handle !== null;
    },
  };
}
