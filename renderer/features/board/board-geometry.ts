/**
 * The board's grid as numbers, for the windowed board (Board.tsx, use-board-window.ts): how many
 * cards fit in a row, how tall a row probably is before it is measured, and where the board
 * scrolls. The card width and gap live in board.css (`--card-min`, `--board-gap`); the column
 * count follows the same rule as CSS `repeat(auto-fill, minmax(min, 1fr))`, so the windowed
 * rows look exactly like the one grid the board used to be.
 */

export interface GridMetrics {
  /** Smallest card width in px. */
  cardMin: number;
  /** Gap between cards and between rows in px. */
  gap: number;
}

/** The values in board.css, for when the stylesheet is not loaded (component tests). */
const CSS_DEFAULTS: GridMetrics = { cardMin: 214, gap: 18 };

/**
 * What the board pretends to measure where nothing has a layout (jsdom, where every box is 0 x 0):
 * a first window of rows still renders, instead of none. A real window never measures 0 x 0.
 */
export const NO_LAYOUT_SIZE = { width: 960, height: 720 } as const;

/** Card text below the thumbnail (meta line, two lines of scene, margins, border), in px. */
const CARD_TEXT_HEIGHT = 84;

export function readGridMetrics(list: HTMLElement): GridMetrics {
  const style = getComputedStyle(list);
  const px = (name: string, fallback: number) => {
    const value = parseFloat(style.getPropertyValue(name));
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return { cardMin: px('--card-min', CSS_DEFAULTS.cardMin), gap: px('--board-gap', CSS_DEFAULTS.gap) };
}

/** Cards per row: as many `cardMin` columns as fit with their gaps, at least one (CSS auto-fill). */
export function columnsFor(width: number, metrics: GridMetrics): number {
  return Math.max(1, Math.floor((width + metrics.gap) / (metrics.cardMin + metrics.gap)));
}

export function columnWidth(width: number, columns: number, metrics: GridMetrics): number {
  return Math.max(0, (width - (columns - 1) * metrics.gap) / columns);
}

/** A row before it is measured: the thumbnail at the project's aspect ratio plus the card text. */
export function estimatedRowHeight(cardWidth: number, aspect: number): number {
  return Math.round(cardWidth / aspect + CARD_TEXT_HEIGHT);
}

/** The nearest ancestor that scrolls vertically; the document's scroller when none does. */
export function scrollParentOf(element: HTMLElement): HTMLElement {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}
