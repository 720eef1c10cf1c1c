import type { AlertsView, Incident } from '@shared/model/alerts';
import type { AlertSink } from '../engine/alerts/alert-engine';
import { mayNotify, type NotificationPrefs } from '../engine/alerts/notify-policy';

/**
 * Native notifications for a team collector's incidents. The collector's
 * alert engine decides what fires; this desktop only says so, once per
 * incident, under its own notification settings (quiet hours, sound,
 * severity). Incidents acknowledged or snoozed on the collector stay quiet
 * here too. A reconnect does not repeat what was already said.
 */
export interface CollectorNoticesDeps {
  readonly sink: AlertSink;
  readonly prefs: () => NotificationPrefs;
  readonly now: () => number;
  readonly minutesOfDay?: (at: number) => number;
}

export function collectorNotices(deps: CollectorNoticesDeps): (view: AlertsView) => void {
  const minutesOfDay = deps.minutesOfDay ?? ((at: number) => new Date(at).getHours() * 60 + new Date(at).getMinutes());
  /** Firing incidents already told, by id. */
  const told = new Map<string, Incident>();
  const quiet = (incident: Incident, now: number) =>
    incident.acknowledged || (incident.snoozedUntil !== null && incident.snoozedUntil > now);
  const send = (severity: Incident['severity'], title: string, body: string, incidentId: string) => {
    const now = deps.now();
    if (!mayNotify(deps.prefs(), severity, minutesOfDay(now))) return;
    deps.sink.notify({ title, body, incidentId, silent: !deps.prefs().sound });
  };

  return (view) => {
    const now = deps.now();
    const firing = new Map(view.firing.map((incident) => [incident.id, incident]));
    for (const [id, incident] of told) {
      if (firing.has(id)) continue;
      told.delete(id);
      send(incident.severity, `Resolved: ${incident.sourceName}`, `${incident.message} — resolved.`, id);
    }
    const opened = view.firing.filter((incident) => !told.has(incident.id) && !quiet(incident, now));
    for (const incident of opened) told.set(incident.id, incident);
    if (opened.length === 0) return;
    const first = opened[0]!;
    const worst = opened.some((i) => i.severity === 'critical') ? 'critical' : 'warning';
    if (opened.length === 1) {
      send(worst, `${worst === 'critical' ? 'Critical' : 'Warning'}: ${first.sourceName}`, first.message, first.id);
    } else {
      send(worst, `${opened.length} new incidents`, opened.map((i) => `• ${i.message}`).join('\n'), first.id);
    }
  };
}
