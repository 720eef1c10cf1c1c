import { useEffect } from 'react';
import { api } from '../../api';
import { formatClock } from '../../components/format';
import type { AlertsState } from '../../state/alerts-store';
import { IncidentCard } from './incident-card';
import { SNOOZE_CHOICES } from './snooze';
import { useAlertAction } from './use-alert-action';

interface Props {
  readonly state: AlertsState;
  readonly now: number;
  /** An incident to bring into view (from a notification click or the tray). */
  readonly focusId: string | null;
}

/** Incidents firing now, newest first, with snooze-all and what is silenced. */
export function FiringPanel({ state, now, focusId }: Props) {
  const action = useAlertAction();
  const view = state.view;
  const firing = view ? [...view.firing].sort((a, b) => b.startedAt - a.startedAt) : [];
  const allSnoozed = view?.snoozeAllUntil != null && view.snoozeAllUntil > now;
  const present = focusId !== null && firing.some((i) => i.id === focusId);

  useEffect(() => {
    if (!present) return;
    const el = document.getElementById(`incident-${focusId}`);
    el?.scrollIntoView({ block: 'nearest' });
    el?.focus();
  }, [present, focusId]);

  return (
    <section className="panel firing-panel" aria-labelledby="firing-heading">
      <header className="panel-head">
        <h2 id="firing-heading">Firing now{view ? ` (${firing.length})` : ''}</h2>
        <span className="button-group" role="group" aria-label="Snooze all alerts">
          <span className="muted">Snooze all</span>
          {SNOOZE_CHOICES.map((choice) => (
            <button
              key={choice.minutes}
              type="button"
              disabled={action.busy}
              aria-label={`Snooze all alerts for ${choice.label}`}
              onClick={() =>
                void action.run(
                  () => api.request['alerts:snooze']({ minutes: choice.minutes }),
                  `All alerts snoozed for ${choice.label}.`,
                )
              }
            >
              {choice.label}
            </button>
          ))}
          {allSnoozed ? (
            <button
              type="button"
              disabled={action.busy}
              onClick={() => void action.run(() => api.request['alerts:snooze']({ minutes: 0 }), 'Alerts are back on.')}
            >
              End snooze
            </button>
          ) : null}
        </span>
      </header>
      <p className="silence-line" role="status">
        {silenceLine(state, firing.length, allSnoozed)}
        {action.message ? ` · ${action.message}` : ''}
      </p>
      {focusId !== null && !present && view ? (
        <p className="note">That incident is no longer firing; it is in the history below.</p>
      ) : null}
      {view && firing.length === 0 ? <p className="all-clear">Nothing is firing.</p> : null}
      <ul className="incident-list" aria-label="Firing incidents">
        {firing.map((incident) => (
          <IncidentCard key={incident.id} incident={incident} now={now} focused={incident.id === focusId} />
        ))}
      </ul>
    </section>
  );
}

/** What is firing and what of it is silenced; the engine's own summary when nothing fires. */
function silenceLine(state: AlertsState, firing: number, allSnoozed: boolean): string {
  const view = state.view;
  if (!view) return state.error ?? 'Waiting for the alert engine…';
  const parts = [firing === 0 ? view.summary : `${firing} firing`];
  if (view.silenced > 0) parts.push(`${view.silenced} silenced (acknowledged or snoozed)`);
  if (allSnoozed) parts.push(`all alerts snoozed until ${formatClock(view.snoozeAllUntil)}`);
  return parts.join(' · ');
}
