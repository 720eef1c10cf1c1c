import { useState } from 'react';
import type { DeliveryLogEntry } from '@shared/model/receivers';
import { api } from '../../api';
import { formatClock } from '../../components/format';

/**
 * Where an incident was sent and how each attempt went, read when opened
 * (it changes while retries run, so every opening asks again).
 */
export function DeliveryLog({ incidentId }: { readonly incidentId: string }) {
  const [entries, setEntries] = useState<readonly DeliveryLogEntry[] | null>(null);
  const [error, setError] = useState('');

  async function load(): Promise<void> {
    const result = await api.request['alerts:deliveries']({ incidentId });
    if (result.ok) {
      setEntries(result.value.entries);
      setError('');
    } else setError(result.error.message);
  }

  return (
    <details className="delivery-log" onToggle={(e) => void (e.currentTarget.open && load())}>
      <summary>Deliveries</summary>
      {error ? <p className="error-sentence">{error}</p> : null}
      {entries && entries.length === 0 ? (
        <p className="muted">Not sent to any receiver (none set up, or held by a snooze or quiet hours).</p>
      ) : null}
      {entries && entries.length > 0 ? (
        <table className="plain-table" aria-label="Deliveries">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Receiver</th>
              <th scope="col">Event</th>
              <th scope="col">Attempt</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <tr key={i}>
                <td>{formatClock(e.at)}</td>
                <td>{e.receiverName}</td>
                <td>{e.event === 'trigger' ? 'firing' : 'resolved'}</td>
                <td>{e.attempt}</td>
                <td className={e.outcome === 'failed' ? 'error-sentence' : undefined}>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </details>
  );
}
