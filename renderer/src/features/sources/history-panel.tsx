import { useEffect, useState } from 'react';
import type { HistoryStatus, Retention } from '@shared/model/history';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatDateTime } from '../../components/format';

interface Props {
  readonly sources: readonly { readonly id: string; readonly name: string }[];
}

const FIELDS: readonly { key: keyof Retention; label: string; max: number }[] = [
  { key: 'rawDays', label: 'Every reading', max: 90 },
  { key: 'fiveMinuteDays', label: 'Five-minute summaries', max: 730 },
  { key: 'hourlyDays', label: 'Hourly summaries', max: 3650 },
  { key: 'sessionDays', label: 'Sessions with their events', max: 365 },
];

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** Where history lives, how big it is, how long it keeps things, and deleting it (after a question). */
export function HistoryPanel({ sources }: Props) {
  const [status, setStatus] = useState<HistoryStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ id: string | null; name: string } | null>(null);

  useEffect(() => {
    void api.request['history:status']({}).then((result) => {
      if (result.ok) setStatus(result.value);
      else setMessage(result.error.message);
    });
  }, []);

  const setRetention = async (key: keyof Retention, value: number) => {
    const result = await api.request['history:set-retention']({ [key]: value });
    if (result.ok) setStatus(result.value);
    setMessage(result.ok ? 'Saved. Older data is removed within a few minutes.' : result.error.message);
  };
  const remove = async (target: { id: string | null; name: string }) => {
    setDeleting(null);
    const result = await api.request['history:delete']({ sourceId: target.id });
    if (result.ok) setStatus(result.value);
    setMessage(result.ok ? `Deleted ${target.name}.` : result.error.message);
  };

  if (!status) return null;
  return (
    <section className="panel history-panel" aria-labelledby="history-heading">
      <header className="panel-head">
        <h2 id="history-heading">Stored history</h2>
      </header>
      <p data-testid="history-where">
        {status.mode === 'memory'
          ? 'This run keeps history in memory only: it is gone when Streamwatch stops.'
          : status.mode === 'failed'
            ? `History is not being saved. ${status.problem ?? ''}`
            : `Kept in ${status.file} (${formatBytes(status.sizeBytes ?? 0)}). Session and viewer ids are stored on this computer only.`}
      </p>
      <fieldset className="retention">
        <legend>Keep for (days)</legend>
        {FIELDS.map((field) => (
          <label key={field.key}>
            {field.label}
            <input
              type="number"
              min={1}
              max={field.max}
              defaultValue={status.retention[field.key]}
              onBlur={(event) => {
                const value = Number(event.currentTarget.value);
                if (
                  Number.isInteger(value) &&
                  value >= 1 &&
                  value <= field.max &&
                  value !== status.retention[field.key]
                )
                  void setRetention(field.key, value);
                else if (value !== status.retention[field.key])
                  setMessage(`${field.label}: a whole number of days from 1 to ${field.max}.`);
              }}
            />
          </label>
        ))}
      </fieldset>
      <ul className="history-sources">
        {sources.map((source) => (
          <li key={source.id}>
            <span>{source.name}</span>
            <span className="muted">
              {status.oldestReading[source.id]
                ? ` since ${formatDateTime(status.oldestReading[source.id])}`
                : ' nothing stored'}
            </span>
            <button type="button" onClick={() => setDeleting({ id: source.id, name: `the history of ${source.name}` })}>
              Delete history
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="danger" onClick={() => setDeleting({ id: null, name: 'all history' })}>
        Delete all history
      </button>
      {message ? (
        <p className="note" role="status">
          {message}
        </p>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete ${deleting.name}?`}
          confirmLabel="Delete"
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>
            Stored readings, sessions and health changes{deleting.id === null ? ', and past incidents,' : ''} are
            deleted. Settings and secrets are kept. This cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
