import type { SessionEvent } from '@shared/model/samples';
import { DASH, formatClock, formatDuration, formatPosition } from '../../components/format';

interface Props {
  readonly events: readonly SessionEvent[];
  readonly start: number;
}

function details(event: SessionEvent): string {
  const parts: string[] = [];
  if (event.durationMs !== null) parts.push(`took ${formatDuration(event.durationMs)}`);
  if (event.fromS !== null || event.toS !== null)
    parts.push(`${formatPosition(event.fromS)} → ${formatPosition(event.toS)}`);
  else if (event.positionS !== null) parts.push(`at ${formatPosition(event.positionS)}`);
  for (const [key, value] of Object.entries(event.details)) parts.push(`${key}: ${value ?? DASH}`);
  return parts.join(' · ') || DASH;
}

function offset(ms: number): string {
  const sign = ms < 0 ? '−' : '+';
  return `${sign}${formatPosition(Math.abs(ms) / 1000)}`;
}

/** Every event in order, with the platform's own word for it beside ours. */
export function EventList({ events, start }: Props) {
  return (
    <table className="plain-table events">
      <caption className="visually-hidden">Session events in order</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Offset</th>
          <th scope="col">Type</th>
          <th scope="col">Raw type</th>
          <th scope="col">Who</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, index) => (
          <tr key={index} className={`event-${event.type}`}>
            <td>{formatClock(event.at)}</td>
            <td className="num">{offset(event.at - start)}</td>
            <td>
              <span className={`event-type type-${event.type}`}>{event.type}</span>
            </td>
            <td>
              <code>{event.rawType}</code>
            </td>
            <td>{event.subject ?? DASH}</td>
            <td>{details(event)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
