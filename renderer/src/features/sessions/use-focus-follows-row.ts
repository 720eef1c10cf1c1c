import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * The table keys its row elements by place (see its rows' key), so after an
 * update the row element that has keyboard focus may show another session,
 * or be gone. Focus moves to the element that now
 * shows the active session (`focusIndex`). When that row is not drawn yet,
 * the decision waits a frame: the scroll anchor may be bringing it into view,
 * and the virtualizer draws it on its next render (in the scroll event, before
 * the frame's callbacks). If it is still not drawn then, focus leaves the grid
 * rather than rest on a row that shows someone else's session.
 */
export function useFocusFollowsRow(scrollRef: RefObject<HTMLElement | null>, focusIndex: number): void {
  const wanted = useRef(focusIndex);
  /** Focus was on a row and its session is not drawn yet: give it back when it is. */
  const pending = useRef(false);
  useLayoutEffect(() => {
    wanted.current = focusIndex;
    const grid = scrollRef.current;
    if (!grid) return;
    const focused = focusedRow(grid);
    if (!focused && !pending.current) return;
    if (focused?.dataset.index === String(focusIndex)) {
      pending.current = false;
      return;
    }
    const target = grid.querySelector<HTMLElement>(`[role="row"][data-index="${focusIndex}"]`);
    if (target) {
      pending.current = false;
      target.focus({ preventScroll: true });
      return;
    }
    pending.current = true;
    const frame = requestAnimationFrame(() => {
      pending.current = false;
      const still = focusedRow(grid);
      if (still && still.dataset.index !== String(wanted.current)) still.blur();
    });
    return () => cancelAnimationFrame(frame);
  });
}

function focusedRow(grid: HTMLElement): HTMLElement | null {
  const focused = grid.ownerDocument.activeElement;
  return focused instanceof HTMLElement && focused.getAttribute('role') === 'row' && grid.contains(focused)
    ? focused
    : null;
}
