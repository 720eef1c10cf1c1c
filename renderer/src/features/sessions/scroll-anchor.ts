/**
 * Keeps the row under the user's pointer (or the top visible row) where it is
 * when rows are added or removed above it: with newest-first sorting every new
 * session is inserted at the top, and without this the row being read would
 * slide away under the pointer.
 */
export interface Anchor {
  readonly key: string;
  /** The row's index when the anchor was taken. */
  readonly index: number;
  /** The row's top minus the scroll position, in pixels. */
  readonly offset: number;
}

export interface ViewportFacts {
  readonly scrollTop: number;
  readonly rowHeight: number;
  /** Pointer position inside the scrolled viewport, or null when the pointer is elsewhere. */
  readonly pointerY: number | null;
}

/**
 * The row to hold still, or null when nothing needs holding: at the very top
 * with the pointer away, the user is watching for new sessions and wants to
 * see them arrive.
 */
export function captureAnchor(keyAt: (index: number) => string | undefined, facts: ViewportFacts): Anchor | null {
  if (facts.scrollTop <= 0 && facts.pointerY === null) return null;
  const y = facts.scrollTop + (facts.pointerY ?? 0);
  const index = Math.max(0, Math.floor(y / facts.rowHeight));
  const key = keyAt(index);
  return key === undefined ? null : { key, index, offset: index * facts.rowHeight - facts.scrollTop };
}

/** Where to scroll so the anchored row is back at its offset; null when it is gone or already there. */
export function restoreScrollTop(
  anchor: Anchor,
  newIndex: number,
  rowHeight: number,
  scrollTop: number,
): number | null {
  if (newIndex < 0) return null;
  const target = Math.max(0, newIndex * rowHeight - anchor.offset);
  return target === scrollTop ? null : target;
}
