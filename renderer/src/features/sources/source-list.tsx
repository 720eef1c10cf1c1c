import type { ProviderInfo } from '@shared/ipc/contract';
import type { SourceConfig } from '@shared/model/source';
import type { SourceState } from '@shared/model/state';
import { formatAge } from '../../components/format';
import { freshness } from '../health/freshness';

interface Props {
  readonly sources: readonly SourceConfig[];
  readonly providers: readonly ProviderInfo[];
  /** What the engine says about each source now, by id. */
  readonly states: ReadonlyMap<string, SourceState>;
  readonly now: number;
  readonly editable: boolean;
  readonly busy: ReadonlySet<string>;
  readonly onEdit: (source: SourceConfig) => void;
  readonly onToggle: (source: SourceConfig) => void;
  readonly onRemove: (source: SourceConfig) => void;
}

function Status({
  state,
  enabled,
  now,
}: {
  readonly state: SourceState | undefined;
  readonly enabled: boolean;
  readonly now: number;
}) {
  if (!enabled) return <span className="muted">not polled</span>;
  if (!state) return <span className="muted">starting…</span>;
  const f = freshness(state, now);
  return (
    <>
      <span className={`chip-status status-${f.kind}`}>{f.kind === 'stale' ? 'STALE' : f.kind}</span>
      {f.kind === 'error' ? <div className="error-sentence">{f.message}</div> : null}
      {f.kind === 'paused' ? <div className="muted">{f.reason}</div> : null}
      {f.ageMs !== null ? <div className="muted">updated {formatAge(f.ageMs)}</div> : null}
    </>
  );
}

/** The configured sources, with their state now and what can be done to each. */
export function SourceList({ sources, providers, states, now, editable, busy, onEdit, onToggle, onRemove }: Props) {
  const label = (kind: string) => providers.find((p) => p.kind === kind)?.label ?? kind;
  return (
    <table className="plain-table source-table" aria-label="Configured sources">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Platform</th>
          <th scope="col">Id</th>
          <th scope="col">Polling</th>
          <th scope="col">Status</th>
          {editable ? (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {sources.map((source) => (
          <tr key={source.id}>
            <th scope="row">{source.name}</th>
            <td>{label(source.provider)}</td>
            <td>
              <code>{source.id}</code>
            </td>
            <td>
              <label className="switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={source.enabled}
                  disabled={!editable || busy.has(source.id)}
                  aria-label={`Poll ${source.name}`}
                  onChange={() => onToggle(source)}
                />
                <span>{source.enabled ? 'on' : 'off'}</span>
              </label>
            </td>
            <td>
              <Status state={states.get(source.id)} enabled={source.enabled} now={now} />
            </td>
            {editable ? (
              <td className="row-actions">
                <button type="button" aria-label={`Edit ${source.name}`} onClick={() => onEdit(source)}>
                  Edit
                </button>
                <button
                  type="button"
                  className="danger-quiet"
                  aria-label={`Remove ${source.name}`}
                  disabled={busy.has(source.id)}
                  onClick={() => onRemove(source)}
                >
                  Remove
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
