import { StoredSessions } from './stored-sessions';
import { memo, useCallback, useMemo, useState } from 'react';
import type { SessionRow, Snapshot } from '@shared/model/state';
import { exportFileName } from '../../export/csv';
import { downloadCsv } from '../../export/download';
import { findSession, sessionKey, sessionsDelta } from '@shared/model/apply-patch';
import { TimelinePanel } from '../session-timeline/timeline-panel';
import { SessionFilters } from './session-filters';
import { sessionsCsv } from './sessions-csv';
import { SessionsTable } from './sessions-table';
import {
  FacetCounter,
  NEWEST_FIRST,
  NO_FILTERS,
  nextSort,
  type ColumnId,
  type Filters,
  type SortSpec,
} from './table-model';
import { usePrepare } from '../../state/use-prepare';
import { sourceNamesKey, useViewRows } from './use-view-rows';

interface Props {
  readonly snapshot: Snapshot;
  readonly rowHeight: number;
}

/** Memoised: the table does not change with the clock, so the once-a-second tick skips it. */
export const SessionsView = memo(function SessionsView({ snapshot, rowHeight }: Props) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<SortSpec>(NEWEST_FIRST);
  const [stored, setStored] = useState(false);
  const [open, setOpen] = useState<SessionRow | null>(null);

  // Every update brings a new sources array (health changes), rarely new names: key on the names alone.
  const namesKey = sourceNamesKey(snapshot.sources);
  const sourceNames = useMemo(() => JSON.parse(namesKey) as [string, string][], [namesKey]);
  const sourceName = useMemo(() => {
    const names = new Map<string, string>(sourceNames);
    return (id: string) => names.get(id) ?? id;
  }, [sourceNames]);
  const rows = useViewRows(snapshot.sessions, filters, sort, sourceName, namesKey);
  const [facetCounter] = useState(() => new FacetCounter());
  // Counted ahead, in the task before the frame that renders the update: the render finds them counted.
  usePrepare((next) => facetCounter.facets(next.sessions, sessionsDelta(next.sessions)));
  const { devices, videoTypes } = useMemo(
    () => facetCounter.facets(snapshot.sessions, sessionsDelta(snapshot.sessions)),
    [snapshot.sessions, facetCounter],
  );
  // Stable, so the table's memoised header skips a data update.
  const onSort = useCallback((column: ColumnId) => setSort((current) => nextSort(current, column)), []);
  const openKey = open ? sessionKey(open) : null;
  const openSource = open ? snapshot.sources.find((s) => s.id === open.sourceId) : undefined;
  // The row as it is now: its metrics may have been updated since it was opened.
  const openRow = open
    ? (snapshot.sessions.find((r) => r.sourceId === open.sourceId && r.id === open.id) ?? open)
    : null;

  const close = useCallback(() => {
    const key = openKey;
    setOpen(null);
    // Back to where the user was, so Escape then arrow keys carry on down the list.
    requestAnimationFrame(() => {
      const rowsEls = document.querySelectorAll<HTMLElement>('.grid-body [role="row"]');
      const index = key === null ? -1 : findSession(rows, key);
      [...rowsEls].find((el) => el.dataset.index === String(index))?.focus();
    });
  }, [openKey, rows]);

  if (stored) {
    return (
      <div className="sessions-view">
        <StoredSessions sources={snapshot.sources} now={snapshot.generatedAt} onBack={() => setStored(false)} />
      </div>
    );
  }
  return (
    <div className={`sessions-view${open ? ' has-detail' : ''}`}>
      <section className="panel sessions-panel" aria-labelledby="sessions-heading">
        <header className="panel-head">
          <h2 id="sessions-heading">Sessions</h2>
          <button
            type="button"
            title="Page through the sessions kept in history, by period"
            onClick={() => setStored(true)}
          >
            Stored sessions…
          </button>
          <button
            type="button"
            aria-label="Export CSV of the sessions shown"
            disabled={rows.length === 0}
            title="The sessions shown, with the filters and sort applied"
            onClick={() => downloadCsv(exportFileName('sessions', Date.now()), sessionsCsv(rows, sourceName))}
          >
            Export CSV
          </button>
        </header>
        <SessionFilters
          filters={filters}
          onChange={setFilters}
          sources={sourceNames}
          devices={devices}
          videoTypes={videoTypes}
          shown={rows.length}
          total={snapshot.sessions.length}
        />
        <SessionsTable
          rows={rows}
          sourceName={sourceName}
          sort={sort}
          onSort={onSort}
          onOpen={setOpen}
          openKey={openKey}
          rowHeight={rowHeight}
          layoutKey={JSON.stringify([filters, sort])}
        />
      </section>
      {openRow ? <TimelinePanel key={openKey} row={openRow} source={openSource ?? null} onClose={close} /> : null}
    </div>
  );
});
