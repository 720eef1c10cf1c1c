import type { AlertsView } from '@shared/model/alerts';
import { wallboardIncidents } from './wallboard-model';

interface Props {
  readonly view: AlertsView | null;
  readonly now: number;
}

/** Four lines fit above the tiles at 720p without pushing the chart off the screen. */
const MAX_SHOWN = 4;

/**
 * The wall board's alerts, readable across a room: each firing incident in
 * large type with whether someone already acknowledged or snoozed it.
 */
export function WallboardAlerts({ view, now }: Props) {
  if (!view) return null;
  if (view.firing.length === 0) {
    return (
      <p className="wallboard-alerts-none" role="status">
        No alerts firing
      </p>
    );
  }
  const { shown, more } = wallboardIncidents(view.firing, now, MAX_SHOWN);
  return (
    <section className={`wallboard-alerts level-${view.level}`} aria-label="Alerts firing">
      <ul>
        {shown.map((line) => (
          <li key={line.id} className={`severity-${line.severity}${line.open ? ' is-open' : ' is-handled'}`}>
            <span className={`severity-badge severity-${line.severity}`}>{line.severity}</span>
            <span className="wallboard-alert-title">{line.title}</span>
            <span className="wallboard-alert-state">{line.state}</span>
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="wallboard-alerts-more">and {more} more firing</p> : null}
    </section>
  );
}
