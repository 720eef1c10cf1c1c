import { useEffect, useMemo, useState } from 'react';
import type { Incident, RuleId, Severity } from '@shared/model/alerts';
import { api } from '../../api';
import { Choice } from '../../components/choice';
import { formatCount, formatDateTime, formatDuration } from '../../components/format';
import { exportFileName } from '../../export/csv';
import { downloadCsv } from '../../export/download';
import {
  historyCsv,
  historyRows,
  historySources,
  incidentDuration,
  NO_HISTORY_FILTERS,
  type HistoryFilters,
} from './history-model';
import { RULE_META } from './rule-meta';

interface Props {
  /** Changes whenever incidents move: the history is fetched again then. */
  readonly version: number;
  readonly now: number;
}

/** A few hundred rows is what a person scrolls; the CSV export carries every row that matches. */
const MAX_SHOWN = 500;
const RULE_CHOICES = Object.entries(RULE_META).map(([id, meta]) => [id, meta.label] as const);
const SEVERITY_CHOICES = [
  ['critical', 'critical'],
  ['warning', 'warning'],
] as const;
const STATE_CHOICES = [
  ['firing', 'firing'],
  ['resolved', 'resolved'],
] as const;

/** What happened, overnight included: every incident the history file holds, filterable, exportable. */
export function HistoryPanel({ version, now }: Props) {
  const [incidents, setIncidents] = useState<readonly Incident[] | null>(null);
  const [error, setError] = useState('');
  const [filters, setFilters] = useState<HistoryFilters>(NO_HISTORY_FILTERS);

  useEffect(() => {
    let current = true;
    void api.request['alerts:history']({}).then((result) => {
      if (!current) return;
      if (result.ok) {
        setIncidents(result.value.incidents);
        setError('');
      } else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [version]);

  const rows = useMemo(() => historyRows(incidents ?? [], filters), [incidents, filters]);
  const sources = useMemo(() => historySources(incidents ?? []), [incidents]);
  const shown = rows.slice(0, MAX_SHOWN);
  const set = (patch: Partial<HistoryFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const total = incidents?.length ?? 0;

  return (
    <section className="panel history-panel" aria-labelledby="history-heading">
      <header className="panel-head">
        <h2 id="history-heading">History</h2>
        <button
          type="button"
          aria-label="Export CSV of the incidents shown"
          disabled={rows.length === 0}
          onClick={() => downloadCsv(exportFileName('incidents', Date.now()), historyCsv(rows, Date.now()))}
        >
          Export CSV
        </button>
      </header>
      <div className="filters" role="search" aria-label="Filter the history">
        <Choice label="Source" value={filters.sourceId} options={sources} onChange={(sourceId) => set({ sourceId })} />
        <Choice
          label="Rule"
          value={filters.ruleId}
          options={RULE_CHOICES}
          onChange={(v) => set({ ruleId: v as RuleId | null })}
        />
        <Choice
          label="Severity"
          value={filters.severity}
          options={SEVERITY_CHOICES}
          onChange={(v) => set({ severity: v as Severity | null })}
        />
        <Choice
          label="State"
          value={filters.state}
          options={STATE_CHOICES}
          onChange={(v) => set({ state: v as Incident['state'] | null })}
        />
        <span className="count" role="status">
          {rows.length === total
            ? `${formatCount(total)} ${total === 1 ? 'incident' : 'incidents'}`
            : `${formatCount(rows.length)} of ${formatCount(total)} incidents`}
        </span>
      </div>
      {error ? (
        <p className="error-sentence" role="alert">
          {error}
        </p>
      ) : null}
      {incidents === null && !error ? <p className="loading">Loading the history…</p> : null}
      {incidents !== null && rows.length === 0 ? (
        <p className="note">{total === 0 ? 'No incident so far.' : 'No incident matches these filters.'}</p>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="plain-table history-table" aria-label="Incident history">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Ended</th>
                <th scope="col">Duration</th>
                <th scope="col">Source</th>
                <th scope="col">Rule</th>
                <th scope="col">Severity</th>
                <th scope="col">State</th>
                <th scope="col">What happened</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((incident) => (
                <tr key={incident.id} className={`state-${incident.state}`}>
                  <td>{formatDateTime(incident.startedAt)}</td>
                  <td>{incident.endedAt === null ? 'still firing' : formatDateTime(incident.endedAt)}</td>
                  <td className="num">{formatDuration(incidentDuration(incident, now))}</td>
                  <td>{incident.sourceName}</td>
                  <td>{RULE_META[incident.ruleId]?.label ?? incident.ruleId}</td>
                  <td>
                    <span className={`severity-badge severity-${incident.severity}`}>{incident.severity}</span>
                  </td>
                  <td>{incident.state}</td>
                  <td>{incident.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > shown.length ? (
            <p className="note">
              Showing the newest {formatCount(shown.length)}; the CSV export has all {formatCount(rows.length)}.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
