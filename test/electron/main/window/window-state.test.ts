/**
 * Window size and position are remembered and restored onto a visible display: kept where they
 * were when that display still exists, pulled fully on screen when partly off it, moved to the
 * primary display when their display is gone, shrunk to fit, never below the minimum size. Saved
 * data that does not parse is ignored.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { placeWindow, readWindowState, trackWindowState, WINDOW_STATE_KEY, type WindowPlacement } from '../../../../electron/main/window/window-state';
import type { KeyValueStore } from '../../../../electron/services/settings/settings-service';

const limits = { defaultWidth: 1440, defaultHeight: 900, minWidth: 1024, minHeight: 700 };
const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const leftMonitor = { x: -2560, y: 0, width: 2560, height: 1410 };
const saved = (x: number, y: number, width = 1200, height = 800, maximized = false): WindowPlacement => ({ bounds: { x, y, width, height }, maximized });

function memoryStore(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (key) => data.get(key), set: (key, value) => void data.set(key, value), delete: (key) => void data.delete(key) };
}

describe('placeWindow', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(placeWindow(null, [laptop], laptop, limits)).toEqual({ bounds: { x: 240, y: 75, width: 1440, height: 900 }, maximized: false });
  });

  it('restores a window where it was, also on a monitor left of the primary one', () => {
    expect(placeWindow(saved(100, 60), [laptop], laptop, limits).bounds).toEqual({ x: 100, y: 60, width: 1200, height: 800 });
    expect(placeWindow(saved(-2400, 100, 1300, 900, true), [laptop, leftMonitor], laptop, limits)).toEqual({ bounds: { x: -2400, y: 100, width: 1300, height: 900 }, maximized: true });
  });

  it('moves a window whose monitor was unplugged onto the primary display, keeping its size', () => {
    expect(placeWindow(saved(-2400, 100, 1300, 900), [laptop], laptop, limits).bounds).toEqual({ x: 310, y: 75, width: 1300, height: 900 });
  });

  it('pulls a window that hangs off the edge fully onto its display', () => {
    expect(placeWindow(saved(1500, 900), [laptop], laptop, limits).bounds).toEqual({ x: 720, y: 250, width: 1200, height: 800 });
    expect(placeWindow(saved(-300, -50), [laptop], laptop, limits).bounds).toEqual({ x: 0, y: 0, width: 1200, height: 800 });
  });

  it('shrinks a window larger than its display and grows one below the minimum size', () => {
    expect(placeWindow(saved(0, 0, 4000, 3000), [laptop], laptop, limits).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1050 });
    expect(placeWindow(saved(10, 10, 300, 200), [laptop], laptop, limits).bounds).toEqual({ x: 10, y: 10, width: 1024, height: 700 });
  });

  it('fits a display smaller than the minimum size rather than hang off it', () => {
    const small = { x: 0, y: 0, width: 1000, height: 600 };
    expect(placeWindow(saved(0, 0), [small], small, limits).bounds).toEqual({ x: 0, y: 0, width: 1000, height: 600 });
  });
});

describe('readWindowState', () => {
  it.each([undefined, 'big', { bounds: { x: 0, y: 0, width: 0, height: 10 }, maximized: false }, { bounds: { x: 'a' }, maximized: true }, { bounds: { x: 0, y: 0, width: 10, height: 10 } }])('ignores %j', (value) => {
    const store = memoryStore();
    store.set(WINDOW_STATE_KEY, value);
    expect(readWindowState(store)).toBeNull();
  });
});

describe('trackWindowState', () => {
  afterEach(() => vi.useRealTimers());

  function fakeWindow() {
    return Object.assign(new EventEmitter(), {
      normal: { x: 40, y: 30, width: 1300, height: 850 },
      maximized: false,
      getNormalBounds() {
        return this.normal;
      },
      isMaximized() {
        return this.maximized;
      },
      isDestroyed: () => false,
    });
  }

  it('saves the normal bounds once moving settles, and the maximized state at once', () => {
    vi.useFakeTimers();
    const store = memoryStore();
    const window = fakeWindow();
    trackWindowState(window as never, store, 400);
    window.emit('move');
    window.normal = { x: 60, y: 30, width: 1300, height: 850 };
    window.emit('move');
    expect(store.data.has(WINDOW_STATE_KEY)).toBe(false);
    vi.advanceTimersByTime(400);
    expect(readWindowState(store)).toEqual({ bounds: { x: 60, y: 30, width: 1300, height: 850 }, maximized: false });
    window.maximized = true;
    window.emit('maximize');
    expect(readWindowState(store)?.maximized).toBe(true);
  });

  it('round-trips through the store: what closing saved is where the next window opens', () => {
    const store = memoryStore();
    const window = fakeWindow();
    trackWindowState(window as never, store);
    window.emit('close');
    expect(placeWindow(readWindowState(store), [laptop], laptop, limits)).toEqual({ bounds: window.normal, maximized: false });
  });
});
