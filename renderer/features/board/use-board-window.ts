/**
 * The windowed board: only the rows of cards in or near view are in the DOM, so a 2,000-panel
 * board costs about as much as a 40-panel one to open, select and type in. Rows of N cards are
 * virtualized with @tanstack/react-virtual; N follows the board's measured width with the same
 * rule as the CSS grid (board-geometry.ts), rows are measured as they render (a row with
 * dialogue is taller), and `pinned` cards (the keyboard-focused one, the one being dragged) keep
 * their rows mounted wherever the view is, so the roving tab stop and the drag source always
 * exist. Invariant: every index handed out is a card index into the list the board shows.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { defaultRangeExtractor, observeElementRect, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { columnsFor, columnWidth, estimatedRowHeight, NO_LAYOUT_SIZE, readGridMetrics, scrollParentOf, type GridMetrics } from './board-geometry';

/** Rows rendered beyond each edge of the view: keeps a short scroll or an arrow step in rendered rows. */
const OVERSCAN_ROWS = 2;

export interface BoardWindowOptions {
  listRef: RefObject<HTMLDivElement | null>;
  /** Cards on the board (after any filter). */
  count: number;
  /** Width / height of a thumbnail. */
  aspect: number;
  /** Card indexes whose rows stay rendered; negative ones are ignored. */
  pinned: readonly number[];
}

export interface BoardWindow {
  virtualizer: Virtualizer<HTMLElement, HTMLDivElement>;
  columns: number;
  /** Scrolls the row of card `index` into view when it is not fully in view. */
  reveal(index: number): void;
}

interface Layout {
  width: number;
  metrics: GridMetrics;
  /** Distance from the top of the scrolled content to the top of the board. */
  margin: number;
}

/** Stands in until the board is measured, with no rows to render. */
const UNMEASURED: Layout = { width: NO_LAYOUT_SIZE.width, metrics: { cardMin: 214, gap: 18 }, margin: 0 };

/** jsdom measures every box as 0 x 0: render a first window anyway (see NO_LAYOUT_SIZE). */
const observeRectOrFirstWindow: typeof observeElementRect = (instance, report) =>
  observeElementRect(instance, (rect) => report(rect.width === 0 && rect.height === 0 ? NO_LAYOUT_SIZE : rect));

/**
 * Measures the board's width, grid metrics and offset in its scroller; again when it resizes.
 * Null until measured (before the first paint), so no row is built for a guessed width.
 */
function useBoardLayout(listRef: RefObject<HTMLDivElement | null>, scrollerRef: RefObject<HTMLElement | null>): Layout | null {
  const [layout, setLayout] = useState<Layout | null>(null);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const scroller = scrollParentOf(list);
    scrollerRef.current = scroller;
    const update = () => {
      const width = list.clientWidth || NO_LAYOUT_SIZE.width;
      const metrics = readGridMetrics(list);
      const margin = Math.round(list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop);
      setLayout((previous) =>
        previous?.width === width && previous.margin === margin && previous.metrics.cardMin === metrics.cardMin && previous.metrics.gap === metrics.gap
          ? previous
          : { width, metrics, margin },
      );
    };
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(list);
    return () => observer.disconnect();
  }, [listRef, scrollerRef]);
  return layout;
}

export function useBoardWindow({ listRef, count, aspect, pinned }: BoardWindowOptions): BoardWindow {
  const scrollerRef = useRef<HTMLElement | null>(null);
  const layout = useBoardLayout(listRef, scrollerRef);
  const { width, metrics, margin } = layout ?? UNMEASURED;
  const columns = columnsFor(width, metrics);
  const rows = layout ? Math.ceil(count / columns) : 0;
  const estimate = estimatedRowHeight(columnWidth(width, columns, metrics), aspect);

  const pinnedRows = [...new Set(pinned.filter((index) => index >= 0 && index < count).map((index) => Math.floor(index / columns)))].join(',');
  const rangeExtractor = useCallback(
    (range: Range) => {
      const inView = defaultRangeExtractor(range);
      const extra = pinnedRows === '' ? [] : pinnedRows.split(',').map(Number).filter((row) => !inView.includes(row));
      return extra.length === 0 ? inView : [...inView, ...extra].sort((a, b) => a - b);
    },
    [pinnedRows],
  );
  // The key carries the column count: a row of 4 and a row of 5 are different rows, measured anew.
  const getItemKey = useCallback((row: number) => `${columns}:${row}`, [columns]);
  const estimateSize = useCallback(() => estimate, [estimate]);

  // The app is not built with React Compiler, which is what this rule protects: the virtualizer
  // is read afresh on each render of the board, never memoized across renders.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLElement, HTMLDivElement>({
    count: rows,
    getScrollElement: () => scrollerRef.current,
    estimateSize,
    getItemKey,
    rangeExtractor,
    overscan: OVERSCAN_ROWS,
    gap: metrics.gap,
    scrollMargin: margin,
    scrollPaddingStart: metrics.gap,
    scrollPaddingEnd: metrics.gap,
    observeElementRect: observeRectOrFirstWindow,
    // Unrounded, so rows sit exactly where one CSS grid would put them (cards are fractional px
    // tall). A row with no layout (jsdom) measures 0: keep the estimate rather than stack every
    // row at 0.
    measureElement: (element, entry, instance) => {
      const size = entry?.borderBoxSize[0]?.blockSize ?? instance.itemSizeCache.get(instance.options.getItemKey(instance.indexFromElement(element))) ?? element.getBoundingClientRect().height;
      return size > 0 ? size : estimate;
    },
  });

  const reveal = useCallback(
    (index: number) => {
      const row = Math.floor(index / columns);
      // Already in view (by the rows as measured, no DOM read): no scroll call at all, since each
      // one reads the scroller's size and so forces a layout before the frame.
      const item = virtualizer.measurementsCache[row];
      const top = virtualizer.scrollOffset ?? 0;
      const bottom = top + (virtualizer.scrollRect?.height ?? 0);
      if (item && item.start >= top && item.end <= bottom) return;
      virtualizer.scrollToIndex(row, { align: 'auto' });
    },
    [virtualizer, columns],
  );
  return useMemo(() => ({ virtualizer, columns, reveal }), [virtualizer, columns, reveal]);
}
