import { useMemo, useState } from 'react';
import type { SessionRow, SourceState } from '@shared/model/state';
import { sessionsDelta } from '@shared/model/apply-patch';
import { usePrepare } from '../../state/use-prepare';
import { sortedView, updateView, type ViewState } from './sorted-view';
import type { Filters, SortSpec } from './table-model';

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
  const [cache] = useState(() => new ViewRowsCache());
  usePrepare((snapshot) => {
    // New names make a new sourceName for the render; rows sorted with the old one would not be used.
    if (sourceNamesKey(snapshot.sources) === namesKey) cache.rows(snapshot.sessions, filters, sort, sourceName);
  });
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
    const view = same
      ? updateView(
          previous.view,
          sessions,
          filters,
          sort,
          sourceName,
          delta?.base === previous.view.sessions ? delta : undefined,
        )
      : sortedView(sessions, filters, sort, sourceName);
    this.last = { view: { ...view, sessions }, filters, sort, sourceName };
    return view.rows;
  }
}
