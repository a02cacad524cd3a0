/**
 * What the export channels of one registrar share: the exports running now (each with its own
 * AbortController, so `export:cancel` stops every one of them and the services clean up their
 * temp files), and the files of the last export, which "Show in folder" and "Open" use (main
 * opens only what it wrote, never a path from the renderer).
 */
export interface ExportSession {
  /** Runs one export with a signal that `cancelAll` aborts. */
  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Aborts every running export; false when none was running. */
  cancelAll(): boolean;
  /** The files of the last export (first one shown), or null before any export. */
  lastExport: string[] | null;
}

export function createExportSession(): ExportSession {
  const running = new Set<AbortController>();
  return {
    lastExport: null,
    async run(work) {
      const controller = new AbortController();
      running.add(controller);
      try {
        return await work(controller.signal);
      } finally {
        running.delete(controller);
      }
    },
    cancelAll() {
      const any = running.size > 0;
      for (const controller of running) controller.abort();
      return any;
    },
  };
}
