import type { SessionRow } from '@shared/model/state';
import { findSession, sessionKey } from '@shared/model/apply-patch';

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

/** What a new rows array asks of the view: where to scroll (null: stay), rows that arrived above the held row. */
export interface ViewMove {
  readonly top: number | null;
  /** How many places the held row moved (negative when rows above it went): the rows around it moved as far. */
  readonly shift: number;
  readonly arrivedAbove: number;
  /** The sort or filters changed: back to the top, the count of new rows starts again. */
  readonly reset: boolean;
}

const STAY: ViewMove = { top: null, shift: 0, arrivedAbove: 0, reset: false };

/**
 * The held row and what the view last showed. `moveFor` works out, during
 * render, where the view must go for new rows, so the table draws the held
 * row's new range in the same render; `commit` records it once the DOM has
 * it. Worked out only after the DOM changed, the browser would paint one
 * frame of the old range at the new scroll position: a blank table.
 */
export class ScrollHold {
  private anchor: Anchor | null = null;
  private rows: readonly SessionRow[];
  private layoutKey: string;
  private scrollTop = 0;
  private pointerY: number | null = null;
  /** Rows that arrived above the held row, shown so far. */
  private arrived = 0;
  /** How far held rows have moved in all, in places: see `indexShift`. */
  private shifted = 0;

  constructor(rows: readonly SessionRow[], layoutKey: string) {
    this.rows = rows;
    this.layoutKey = layoutKey;
  }

  /** Where the view goes for `rows`; the same rows (a render that changed nothing else) ask for nothing. */
  moveFor(rows: readonly SessionRow[], layoutKey: string, rowHeight: number): ViewMove {
    if (layoutKey !== this.layoutKey) return { top: 0, shift: 0, arrivedAbove: 0, reset: true };
    const held = this.anchor;
    if (rows === this.rows || held === null) return STAY;
    const index = findSession(rows, held.key);
    return {
      top: restoreScrollTop(held, index, rowHeight, this.scrollTop),
      shift: index >= 0 ? index - held.index : 0,
      arrivedAbove: index > held.index ? index - held.index : 0,
      reset: false,
    };
  }

  /** Rows that arrived above the held row since the user last saw the top, with `move` made. */
  newAbove(move: ViewMove): number {
    return move.reset ? 0 : this.arrived + move.arrivedAbove;
  }

  /**
   * How many places the held rows have moved in all, with `move` made. A row
   * element drawn for index i - indexShift keeps drawing the same session while
   * the view holds it, however far new rows push it down the list.
   */
  indexShift(move: ViewMove): number {
    return this.shifted + move.shift;
  }

  /** The DOM shows `rows` now, scrolled as `move` said: hold the row at the same place for the next update. */
  commit(rows: readonly SessionRow[], layoutKey: string, move: ViewMove, rowHeight: number): void {
    this.arrived = this.newAbove(move);
    this.shifted = this.indexShift(move);
    this.rows = rows;
    this.layoutKey = layoutKey;
    if (move.top !== null) this.scrollTop = move.top;
    this.capture(rowHeight);
  }

  /** The user is back at the top: the new rows are seen. Says whether there were any to forget. */
  seen(): boolean {
    const had = this.arrived > 0;
    this.arrived = 0;
    return had;
  }

  /** The user scrolled (the position is remembered here rather than read back after React changed the DOM). */
  scrolled(scrollTop: number, rowHeight: number): void {
    this.scrollTop = scrollTop;
    this.capture(rowHeight);
  }

  pointer(y: number | null, rowHeight: number): void {
    this.pointerY = y;
    this.capture(rowHeight);
  }

  /** Back at the top with nothing held. */
  release(): void {
    this.anchor = null;
    this.scrollTop = 0;
    this.arrived = 0;
  }

  private capture(rowHeight: number): void {
    const rows = this.rows;
    this.anchor = captureAnchor(
      (i) => {
        const row = rows[i];
        return row && sessionKey(row);
      },
      { scrollTop: this.scrollTop, rowHeight, pointerY: this.pointerY },
    );
  }
}
