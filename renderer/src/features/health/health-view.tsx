import { useState } from 'react';
import type { Snapshot, SourceState } from '@shared/model/state';
import { api } from '../../api';
import { formatAge, formatDateTime } from '../../components/format';
import { freshness } from './freshness';

interface Props {
  readonly snapshot: Snapshot;
  readonly now: number;
}

function rateLimitText(source: SourceState): string {
  const limit = source.rateLimit;
  if (!limit || limit.limit === null) return '—';
  const reset = limit.resetAt === null ? '' : `, resets ${formatDateTime(limit.resetAt)}`;
  return `${limit.remaining ?? '?'} of ${limit.limit} left${reset}`;
}

/** Every source's health in full: what failed, since when, how old the data is, the request budget. */
export function HealthView({ snapshot, now }: Props) {
  const [message, setMessage] = useState('');
  const refresh = async (source: SourceState) => {
    setMessage(`Refreshing ${source.name}…`);
    const result = await api.request['polling:refresh']({ sourceId: source.id });
    setMessage(result.ok ? `Asked ${source.name} for fresh data.` : result.error.message);
  };
  return (
    <section className="panel" aria-labelledby="health-heading">
      <header className="panel-head">
        <h2 id="health-heading">Sources health</h2>
        <span role="status" className="muted">
          {message}
        </span>
      </header>
      <table className="plain-table">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Platform</th>
            <th scope="col">Status</th>
            <th scope="col">Last answer</th>
            <th scope="col">Interval</th>
            <th scope="col">Request budget</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {snapshot.sources.map((source) => {
            const state = freshness(source, now);
            const health = source.health;
            return (
              <tr key={source.id} className={`row-${state.kind}`}>
                <th scope="row">{source.name}</th>
                <td>{source.providerLabel}</td>
                <td>
                  <span className={`chip-status status-${state.kind}`}>
                    {state.kind === 'stale' ? 'STALE' : state.kind}
                  </span>
                  {health.status === 'error' ? (
                    <div className="error-sentence">
                      {health.error.message}
                      <div className="muted">
                        {health.error.kind}
                        {health.error.status ? ` ${health.error.status}` : ''} · since {formatDateTime(health.since)}
                        {health.error.retryAt ? ` · retry after ${formatDateTime(health.error.retryAt)}` : ''}
                      </div>
                    </div>
                  ) : null}
                  {health.status === 'paused' ? <div className="muted">{health.reason}</div> : null}
                  {source.notes.map((note) => (
                    <div key={note} className="chip-note">
                      {note}
                    </div>
                  ))}
                </td>
                <td>
                  {source.lastOkAt === null
                    ? 'never'
                    : `${formatDateTime(source.lastOkAt)} (${formatAge(now - source.lastOkAt)})`}
                </td>
                <td>{Math.round(source.intervalMs / 1000)} s</td>
                <td>{rateLimitText(source)}</td>
                <td>
                  <button type="button" onClick={() => void refresh(source)} aria-label={`Refresh ${source.name} now`}>
                    Refresh
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
