import { memo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SessionRow } from '@shared/model/state';
import { formatCount } from '../../components/format';
import { findSession, sessionKey } from '@shared/model/apply-patch';
import { COLUMNS } from './columns';
import type { ColumnId, SortSpec } from './table-model';
import { useFocusFollowsRow } from './use-focus-follows-row';
import { useScrollAnchor } from './use-scroll-anchor';

interface Props {
  readonly rows: readonly SessionRow[];
  readonly sourceName: (id: string) => string;
  readonly sort: SortSpec;
  readonly onSort: (column: ColumnId) => void;
  readonly onOpen: (row: SessionRow) => void;
  readonly openKey: string | null;
  readonly rowHeight: number;
  /** Changes with sort and filters; see useScrollAnchor. */
  readonly layoutKey: string;
}

const PAGE_ROWS = 10;

/**
 * Thousands of sessions, only the visible ones in the DOM (plus a few above
 * and below so fast scrolling does not show blanks). Keyboard: arrows, Page
 * Up/Down, Home/End move; Enter opens the session's timeline.
 */
export function SessionsTable({ rows, sourceName, sort, onSort, onOpen, openKey, rowHeight, layoutKey }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const anchor = useScrollAnchor(scrollRef, rows, rowHeight, layoutKey);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  // The React Compiler skips components using TanStack Virtual (its functions are not memoizable); that is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    // Keyed by index (the default): with fixed-height rows a key per row buys nothing, and keys that
    // change with every update would make the virtualizer lay out all 10,000 rows again each time.
  });
  const activeIndex = activeKey === null ? -1 : findSession(rows, activeKey);
  // The view moves in this render (the held row's new place): the virtualizer draws the rows there now,
  // not the old range for a frame until the scroll event tells it.
  if (anchor.scrollTo !== null) virtualizer.scrollOffset = anchor.scrollTo;
  const items = virtualizer.getVirtualItems();
  // The row elements kept: as many as the most rows drawn at once (see the rows' key below).
  const [mostDrawn, setMostDrawn] = useState(items.length);
  if (items.length > mostDrawn) setMostDrawn(items.length);
  const slots = Math.max(mostDrawn, items.length, 1);
  const slotOf = (index: number) => (((index - anchor.indexShift) % slots) + slots) % slots;
  const focusIndex = activeIndex >= 0 ? activeIndex : (items[0]?.index ?? 0);
  useFocusFollowsRow(scrollRef, focusIndex);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    const row = rows[target];
    if (row === undefined) return;
    setActiveKey(sessionKey(row));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE_ROWS, PageUp: -PAGE_ROWS };
    if (event.key in moves) moveTo(focusIndex + moves[event.key]!);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(rows.length - 1);
    else if ((event.key === 'Enter' || event.key === ' ') && rows[focusIndex]) onOpen(rows[focusIndex]!);
    else return;
    event.preventDefault();
  };

  return (
    <div
      className="session-grid"
      role="grid"
      aria-label="Sessions"
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS.length}
    >
      <GridHead ref={headRef} sort={sort} onSort={onSort} />
      {anchor.newAbove > 0 ? (
        <button type="button" className="new-above" onClick={anchor.jumpToTop}>
          ↑ {formatCount(anchor.newAbove)} new {anchor.newAbove === 1 ? 'session' : 'sessions'}
        </button>
      ) : null}
      <div
        ref={scrollRef}
        className="grid-body"
        role="rowgroup"
        onScroll={() => {
          // The header sits outside the scroller (so it never scrolls away); it follows sideways by hand.
          if (headRef.current && scrollRef.current) headRef.current.scrollLeft = scrollRef.current.scrollLeft;
          anchor.onScroll();
        }}
        onPointerMove={anchor.onPointerMove}
        onPointerLeave={anchor.onPointerLeave}
        onKeyDown={onKeyDown}
      >
        {rows.length === 0 ? <div className="grid-empty">No sessions match.</div> : null}
        <div className="grid-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            const key = sessionKey(row);
            const name = sourceName(row.sourceId);
            return (
              <div
                // Keyed by slot, the row's place modulo the elements kept, counted from where the held rows
                // have moved: no element is made or thrown away while updates arrive. New sessions at the top
                // change the text of the elements in place. A view the scroll anchor holds keeps each session
                // on its element however far it moves down the list, so its rows change nothing. Scrolling
                // hands the element that left the view to the row that came in. (Keyboard focus follows the
                // session: useFocusFollowsRow.)
                key={slotOf(item.index)}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={key === openKey}
                data-index={item.index}
                tabIndex={item.index === focusIndex ? 0 : -1}
                className={`grid-row${row.failed ? ' row-failed' : ''}${key === openKey ? ' is-open' : ''}`}
                style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
                onClick={() => {
                  setActiveKey(key);
                  onOpen(row);
                }}
                onFocus={() => setActiveKey(key)}
              >
                {COLUMNS.map((column) => (
                  <div
                    key={column.id}
                    role="gridcell"
                    className={`grid-cell${column.numeric ? ' num' : ''}`}
                    title={column.title?.(row, name)}
                  >
                    {column.render(row, name)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface HeadProps {
  readonly ref: Ref<HTMLDivElement>;
  readonly sort: SortSpec;
  readonly onSort: (column: ColumnId) => void;
}

/** The column headers, outside the scroller so they never scroll away. Memoised: an update of rows skips them. */
const GridHead = memo(function GridHead({ ref, sort, onSort }: HeadProps) {
  return (
    <div className="grid-head" role="rowgroup" ref={ref}>
      <div className="grid-row" role="row" aria-rowindex={1}>
        {COLUMNS.map((column) => {
          const sorted = sort.column === column.id;
          return (
            <div
              key={column.id}
              role="columnheader"
              className={`grid-cell${column.numeric ? ' num' : ''}`}
              aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button type="button" onClick={() => onSort(column.id)} title={`Sort by ${column.label.toLowerCase()}`}>
                {column.label}
                <span className="sort-mark" aria-hidden="true">
                  {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
});
