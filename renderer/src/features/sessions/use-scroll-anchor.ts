import { useCallback, useLayoutEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import type { SessionRow } from '@shared/model/state';
import { findSession, sessionKey } from '@shared/model/apply-patch';
import { captureAnchor, restoreScrollTop, type Anchor } from './scroll-anchor';

export interface ScrollAnchorHandlers {
  /** Rows that arrived above the held row since the user last saw the top. */
  readonly newAbove: number;
  readonly onScroll: () => void;
  readonly onPointerMove: (event: PointerEvent<HTMLElement>) => void;
  readonly onPointerLeave: () => void;
  readonly jumpToTop: () => void;
}

/**
 * Holds the row under the pointer (or the top visible row) still while rows
 * are inserted or removed around it. Runs in a layout effect, after React has
 * changed the DOM and before the browser paints, so the jump is never seen.
 * `layoutKey` changes with sort and filters: those are the user's own moves,
 * and they start again from the top. The scroll position is remembered from
 * scroll events rather than read back in the effect: reading it there, after
 * React has changed the rows, makes the browser lay the page out at once, a
 * second time in the same frame.
 */
export function useScrollAnchor(
  scrollRef: RefObject<HTMLDivElement | null>,
  rows: readonly SessionRow[],
  rowHeight: number,
  layoutKey: string,
): ScrollAnchorHandlers {
  const pointerY = useRef<number | null>(null);
  const anchor = useRef<Anchor | null>(null);
  const rowsRef = useRef(rows);
  const layoutRef = useRef(layoutKey);
  const scrollTop = useRef(0);
  const [newAbove, setNewAbove] = useState(0);

  const capture = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    anchor.current = captureAnchor(
      (i) => {
        const row = rowsRef.current[i];
        return row && sessionKey(row);
      },
      {
        scrollTop: scrollTop.current,
        rowHeight,
        pointerY: pointerY.current,
      },
    );
  }, [scrollRef, rowHeight]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    const previous = rowsRef.current;
    rowsRef.current = rows;
    if (layoutRef.current !== layoutKey) {
      layoutRef.current = layoutKey;
      if (el) scrollTo(el, 0, scrollTop);
      setNewAbove(0);
    } else if (el && anchor.current && previous !== rows) {
      const held = anchor.current;
      const oldIndex = held.index;
      const newIndex = findSession(rows, held.key);
      const top = restoreScrollTop(held, newIndex, rowHeight, scrollTop.current);
      if (top !== null) scrollTo(el, top, scrollTop);
      if (oldIndex >= 0 && newIndex > oldIndex) setNewAbove((n) => n + newIndex - oldIndex);
    }
    capture();
  }, [rows, rowHeight, layoutKey, capture, scrollRef]);

  return {
    newAbove,
    onScroll: () => {
      scrollTop.current = scrollRef.current?.scrollTop ?? 0;
      if (scrollTop.current < rowHeight / 2) setNewAbove(0);
      capture();
    },
    onPointerMove: (event) => {
      const el = scrollRef.current;
      if (!el) return;
      pointerY.current = event.clientY - el.getBoundingClientRect().top;
      capture();
    },
    onPointerLeave: () => {
      pointerY.current = null;
      capture();
    },
    jumpToTop: () => {
      anchor.current = null;
      if (scrollRef.current) scrollTo(scrollRef.current, 0, scrollTop);
      setNewAbove(0);
    },
  };
}

function scrollTo(el: HTMLDivElement, top: number, remembered: { current: number }): void {
  el.scrollTop = top;
  remembered.current = top;
}
