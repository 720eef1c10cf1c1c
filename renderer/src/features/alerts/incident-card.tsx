import type { Incident } from '@shared/model/alerts';
import { api } from '../../api';
import { formatClock, formatDateTime, formatDuration } from '../../components/format';
import { incidentDuration, valuesText } from './history-model';
import { RULE_META } from './rule-meta';
import { SNOOZE_CHOICES } from './snooze';
import { useAlertAction } from './use-alert-action';

interface Props {
  readonly incident: Incident;
  readonly now: number;
  /** Opened from a notification or the tray: drawn out and given the focus. */
  readonly focused: boolean;
}

/** One firing incident: what, where, since when, the numbers, and what can be done about it. */
export function IncidentCard({ incident, now, focused }: Props) {
  const action = useAlertAction();
  const rule = RULE_META[incident.ruleId]?.label ?? incident.ruleId;
  const snoozed = incident.snoozedUntil !== null && incident.snoozedUntil > now;
  const headingId = `incident-${incident.id}-title`;
  const values = valuesText(incident.values);
  return (
    <li
      id={`incident-${incident.id}`}
      className={`incident severity-${incident.severity}${focused ? ' is-focused' : ''}`}
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <div className="incident-head">
        <span className={`severity-badge severity-${incident.severity}`}>{incident.severity}</span>
        <h3 id={headingId}>
          {incident.sourceName} · {rule}
        </h3>
        {incident.acknowledged ? <span className="tag tag-quiet">acknowledged</span> : null}
        {snoozed ? <span className="tag tag-quiet">snoozed until {formatClock(incident.snoozedUntil)}</span> : null}
      </div>
      <p className="incident-sentence">{incident.message}</p>
      <dl className="incident-facts">
        <div>
          <dt>Started</dt>
          <dd title={formatDateTime(incident.startedAt)}>{formatClock(incident.startedAt)}</dd>
        </div>
        <div>
          <dt>Firing for</dt>
          <dd>{formatDuration(incidentDuration(incident, now))}</dd>
        </div>
        {values ? (
          <div>
            <dt>Values</dt>
            <dd>{values}</dd>
          </div>
        ) : null}
      </dl>
      <div className="incident-actions">
        <button
          type="button"
          disabled={incident.acknowledged || action.busy}
          onClick={() =>
            void action.run(
              () => api.request['alerts:acknowledge']({ incidentId: incident.id }),
              'Acknowledged: no more reminders until it resolves.',
            )
          }
        >
          {incident.acknowledged ? 'Acknowledged' : 'Acknowledge'}
        </button>
        <span className="button-group" role="group" aria-label={`Snooze ${incident.sourceName} · ${rule}`}>
          <span className="muted">Snooze</span>
          {SNOOZE_CHOICES.map((choice) => (
            <button
              key={choice.minutes}
              type="button"
              disabled={action.busy}
              aria-label={`Snooze for ${choice.label}`}
              onClick={() =>
                void action.run(
                  () => api.request['alerts:snooze']({ incidentId: incident.id, minutes: choice.minutes }),
                  `Snoozed for ${choice.label}.`,
                )
              }
            >
              {choice.label}
            </button>
          ))}
          {snoozed ? (
            <button
              type="button"
              disabled={action.busy}
              onClick={() =>
                void action.run(
                  () => api.request['alerts:snooze']({ incidentId: incident.id, minutes: 0 }),
                  'Snooze ended.',
                )
              }
            >
              End snooze
            </button>
          ) : null}
        </span>
        <span role="status" className="muted action-status">
          {action.message}
        </span>
      </div>
    </li>
  );
}
