import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SessionRow, SourceState } from '@shared/model/state';
import { sessionsDelta } from '../../state/apply-patch';
import { useStore } from '../../state/use-store';
import { updateViewRows, viewRows, type Filters, type SortSpec, type ViewState } from './table-model';

/** The sources' ids and names as one string: the table's names change only when this does. */
export function sourceNamesKey(sources: readonly SourceState[]): string {
  return JSON.stringify(sources.map((s) => [s.id, s.name]));
}

/**
 * The sorted, filtered rows. After an update with the same filters and sort
 * the new rows are merged in, and that merge is done ahead, in the task where
 * the store applied the update (Store.prepare): the frame that renders the
 * update finds the rows ready.
 */
export function useViewRows(
  sessions: readonly SessionRow[],
  filters: Filters,
  sort: SortSpec,
  sourceName: (id: string) => string,
  namesKey: string,
): readonly SessionRow[] {
  const store = useStore();
  const [cache] = useState(() => new ViewRowsCache());
  const latest = useRef({ filters, sort, sourceName, namesKey });
  useLayoutEffect(() => {
    latest.current = { filters, sort, sourceName, namesKey };
  });
  useEffect(
    () =>
      store.prepare((snapshot) => {
        const now = latest.current;
        // New names make a new sourceName for the render; rows sorted with the old one would not be used.
        if (sourceNamesKey(snapshot.sources) === now.namesKey)
          cache.rows(snapshot.sessions, now.filters, now.sort, now.sourceName);
      }),
    [store, cache],
  );
  return useMemo(() => cache.rows(sessions, filters, sort, sourceName), [cache, sessions, filters, sort, sourceName]);
}

class ViewRowsCache {
  private last: { view: ViewState; filters: Filters; sort: SortSpec; sourceName: (id: string) => string } | null = null;

  rows(
    sessions: readonly SessionRow[],
    filters: Filters,
    sort: SortSpec,
    sourceName: (id: string) => string,
  ): readonly SessionRow[] {
    const previous = this.last;
    const same =
      previous !== null && previous.filters === filters && previous.sort === sort && previous.sourceName === sourceName;
    if (same && previous.view.sessions === sessions) return previous.view.rows;
    const delta = sessionsDelta(sessions);
    const rows = same
      ? updateViewRows(
          previous.view,
          sessions,
          filters,
          sort,
          sourceName,
          delta?.base === previous.view.sessions ? delta : undefined,
        )
      : viewRows(sessions, filters, sort, sourceName);
    this.last = { view: { sessions, rows }, filters, sort, sourceName };
    return rows;
  }
}
