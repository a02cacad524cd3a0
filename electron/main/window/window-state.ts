/**
 * Remembers the main window's size, position and maximized state in the settings store, and puts
 * it back where the artist can see it. Invariants:
 *  - a saved state that does not parse is ignored (defaults), never trusted;
 *  - the restored window lies entirely inside one display's work area: the display it overlapped
 *    most, or the primary one when its display is gone (monitor unplugged, resolution changed);
 *  - it is never smaller than the minimum size unless the display itself is smaller;
 *  - the normal (unmaximized) bounds are saved, so un-maximizing after a restart works.
 * The placement maths is pure; trackWindowState() is the thin glue on a BrowserWindow.
 */
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';
import type { KeyValueStore } from '../../services/settings/settings-service';

export const WINDOW_STATE_KEY = 'windowState';

export interface WindowLimits {
  defaultWidth: number;
  defaultHeight: number;
  minWidth: number;
  minHeight: number;
}

export interface WindowPlacement {
  bounds: Rectangle;
  maximized: boolean;
}

const int = z.number().int().min(-100_000).max(100_000);
const SavedStateSchema = z.object({
  bounds: z.object({ x: int, y: int, width: int.min(1), height: int.min(1) }),
  maximized: z.boolean(),
});

export function readWindowState(store: KeyValueStore): WindowPlacement | null {
  const parsed = SavedStateSchema.safeParse(store.get(WINDOW_STATE_KEY));
  return parsed.success ? parsed.data : null;
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/** `workAreas`: every display's work area; `primary`: the primary display's. */
export function placeWindow(saved: WindowPlacement | null, workAreas: readonly Rectangle[], primary: Rectangle, limits: WindowLimits): WindowPlacement {
  if (!saved) {
    const width = Math.min(limits.defaultWidth, primary.width);
    const height = Math.min(limits.defaultHeight, primary.height);
    return {
      bounds: { x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height },
      maximized: false,
    };
  }
  let area = primary;
  let best = 0;
  for (const candidate of workAreas) {
    const shared = overlap(saved.bounds, candidate);
    if (shared > best) [area, best] = [candidate, shared];
  }
  const width = Math.min(Math.max(saved.bounds.width, limits.minWidth), area.width);
  const height = Math.min(Math.max(saved.bounds.height, limits.minHeight), area.height);
  const keptPosition = best > 0;
  return {
    bounds: {
      x: keptPosition ? clamp(saved.bounds.x, area.x, area.x + area.width - width) : area.x + Math.round((area.width - width) / 2),
      y: keptPosition ? clamp(saved.bounds.y, area.y, area.y + area.height - height) : area.y + Math.round((area.height - height) / 2),
      width,
      height,
    },
    maximized: saved.maximized,
  };
}

type TrackedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>;

/** Saves the window's state after it settles (debounced) and when it closes. */
export function trackWindowState(window: TrackedWindow, store: KeyValueStore, debounceMs = 400): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    const state: WindowPlacement = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    store.set(WINDOW_STATE_KEY, state);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', save);
  window.on('unmaximize', save);
  window.on('close', save);
}
