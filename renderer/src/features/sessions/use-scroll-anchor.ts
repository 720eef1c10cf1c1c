import { useLayoutEffect, useReducer, useState, type PointerEvent, type RefObject } from 'react';
import type { SessionRow } from '@shared/model/state';
import { ScrollHold } from './scroll-anchor';

export interface ScrollAnchorHandlers {
  /** Rows that arrived above the held row since the user last saw the top. */
  readonly newAbove: number;
  /**
   * Where this render moves the view (the held row's new place, or the top
   * after a new sort), or null. The table draws that range in this render.
   */
  readonly scrollTo: number | null;
  /** How far the held rows have moved in all (ScrollHold.indexShift): the table keys its row elements by it. */
  readonly indexShift: number;
  readonly onScroll: () => void;
  readonly onPointerMove: (event: PointerEvent<HTMLElement>) => void;
  readonly onPointerLeave: () => void;
  readonly jumpToTop: () => void;
}

/**
 * Holds the row under the user's pointer (or the top visible row) still while
 * rows are inserted or removed around it. The new position is worked out in
 * render (ScrollHold.moveFor), so the rows drawn are already the ones around
 * the held row, and set in a layout effect, before the browser paints: the
 * jump is never seen, and the page is laid out once. `layoutKey` changes with
 * sort and filters: those are the user's own moves, and they start again
 * from the top.
 */
export function useScrollAnchor(
  scrollRef: RefObject<HTMLDivElement | null>,
  rows: readonly SessionRow[],
  rowHeight: number,
  layoutKey: string,
): ScrollAnchorHandlers {
  const [hold] = useState(() => new ScrollHold(rows, layoutKey));
  // The count of new rows lives in `hold`; going back to the top clears it there and draws again.
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const move = hold.moveFor(rows, layoutKey, rowHeight);

  useLayoutEffect(() => {
    hold.commit(rows, layoutKey, move, rowHeight);
    const el = scrollRef.current;
    if (el && move.top !== null) el.scrollTop = move.top;
  }, [hold, rows, layoutKey, rowHeight, move, scrollRef]);

  return {
    newAbove: hold.newAbove(move),
    scrollTo: move.top,
    indexShift: hold.indexShift(move),
    onScroll: () => {
      const top = scrollRef.current?.scrollTop ?? 0;
      if (top < rowHeight / 2 && hold.seen()) redraw();
      hold.scrolled(top, rowHeight);
    },
    onPointerMove: (event) => {
      const el = scrollRef.current;
      if (el) hold.pointer(event.clientY - el.getBoundingClientRect().top, rowHeight);
    },
    onPointerLeave: () => hold.pointer(null, rowHeight),
    jumpToTop: () => {
      hold.release();
      if (scrollRef.current) scrollRef.current.scrollTop = 0;
      redraw();
    },
  };
}
