import { useEffect, useState } from 'react';
import type { SessionsPage } from '@shared/model/history';
import type { SourceState } from '@shared/model/state';
import { api } from '../../api';
import { formatDateTime, formatDuration } from '../../components/format';
import { exportFileName } from '../../export/csv';
import { downloadCsv } from '../../export/download';
import { sessionsCsv } from './sessions-csv';

const PAGE = 100;
const DAY = 86_400_000;

/** "2026-12-05T09:30" in local time, as a datetime-local input wants it. */
function localInput(at: number): string {
  const date = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

interface Props {
  readonly sources: readonly SourceState[];
  readonly now: number;
  readonly onBack: () => void;
}

/**
 * Sessions of a chosen period, paged straight from the history file (the live
 * table above holds only what is in memory). Filters run in the database; the
 * CSV of a period is read page by page, so a month of sessions never has to
 * sit in the page at once.
 */
export function StoredSessions({ sources, now, onBack }: Props) {
  const [from, setFrom] = useState(() => localInput(now - DAY));
  const [to, setTo] = useState(() => localInput(now));
  const [sourceId, setSourceId] = useState<string>('');
  const [failedOnly, setFailedOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<SessionsPage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);

  const start = new Date(from).getTime();
  const end = new Date(to).getTime();
  const backwards = !(end > start);
  const request = (at: number, limit: number) => ({
    from: start,
    to: end,
    sourceId: sourceId || null,
    failedOnly,
    search,
    offset: at,
    limit,
  });
  useEffect(() => {
    if (backwards) return;
    let current = true;
    const args = { from: start, to: end, sourceId: sourceId || null, failedOnly, search, offset, limit: PAGE };
    void api.request['history:sessions'](args).then((result) => {
      if (!current) return;
      setProblem(result.ok ? null : result.error.message);
      setPage(result.ok ? result.value : null);
    });
    return () => {
      current = false;
    };
  }, [start, end, backwards, sourceId, failedOnly, search, offset]);

  const name = (id: string) => sources.find((s) => s.id === id)?.name ?? id;
  const exportAll = async () => {
    const rows = [];
    for (let at = 0; ; at += 500) {
      setExporting(`Reading sessions ${at + 1}–${at + 500}…`);
      const result = await api.request['history:sessions'](request(at, 500));
      if (!result.ok) {
        setExporting(null);
        setProblem(result.error.message);
        return;
      }
      rows.push(...result.value.rows);
      if (result.value.rows.length < 500) break;
    }
    setExporting(null);
    downloadCsv(exportFileName('stored-sessions', Date.now()), sessionsCsv(rows, name));
  };
  const refilter = (apply: () => void) => {
    apply();
    setOffset(0);
  };

  return (
    <section className="panel stored-sessions" aria-labelledby="stored-sessions-heading">
      <header className="panel-head">
        <h2 id="stored-sessions-heading">Stored sessions</h2>
        <button type="button" onClick={onBack}>
          Back to live sessions
        </button>
        <button
          type="button"
          disabled={!page || page.total === 0 || exporting !== null}
          onClick={() => void exportAll()}
        >
          Export CSV of the period
        </button>
      </header>
      <div className="filters">
        <label>
          From{' '}
          <input type="datetime-local" value={from} onChange={(e) => refilter(() => setFrom(e.currentTarget.value))} />
        </label>
        <label>
          To <input type="datetime-local" value={to} onChange={(e) => refilter(() => setTo(e.currentTarget.value))} />
        </label>
        <label>
          Source
          <select value={sourceId} onChange={(e) => refilter(() => setSourceId(e.currentTarget.value))}>
            <option value="">All sources</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={failedOnly}
            onChange={(e) => refilter(() => setFailedOnly(e.currentTarget.checked))}
          />
          Failed only
        </label>
        <label>
          Search{' '}
          <input type="search" value={search} onChange={(e) => refilter(() => setSearch(e.currentTarget.value))} />
        </label>
      </div>
      {backwards ? (
        <p className="note note-error" role="alert">
          The period ends before it starts.
        </p>
      ) : problem ? (
        <p className="note note-error" role="alert">
          {problem}
        </p>
      ) : null}
      {exporting ? (
        <p className="note" role="status">
          {exporting}
        </p>
      ) : null}
      {page ? (
        <>
          <table className="stored-sessions-table" aria-label="Stored sessions of the period">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Source</th>
                <th scope="col">Session</th>
                <th scope="col">Device</th>
                <th scope="col">Startup</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={`${row.sourceId}\u0000${row.id}`}>
                  <td>{formatDateTime(row.startedAt)}</td>
                  <td>{name(row.sourceId)}</td>
                  <td className="mono">{row.id}</td>
                  <td>{[row.device, row.os].filter(Boolean).join(' · ') || '—'}</td>
                  <td>{formatDuration(row.startupTimeMs)}</td>
                  <td>{row.failed === null ? 'not reported' : row.failed ? 'failed' : 'ok'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Newer
            </button>
            <span role="status">
              {page.total === 0
                ? 'No stored sessions in this period.'
                : `${offset + 1}–${offset + page.rows.length} of ${page.total}`}
            </span>
            <button type="button" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
              Older
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
