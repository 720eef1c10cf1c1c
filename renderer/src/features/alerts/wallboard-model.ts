import type { Incident } from '@shared/model/alerts';
import { formatClock } from '../../components/format';
import { RULE_META } from './rule-meta';

/** What one firing incident is doing, as the wall board says it: still calling for someone, or already handled. */
export function incidentStateText(incident: Pick<Incident, 'acknowledged' | 'snoozedUntil'>, now: number): string {
  const snoozed = incident.snoozedUntil !== null && incident.snoozedUntil > now;
  if (incident.acknowledged && snoozed) return `acknowledged · snoozed until ${formatClock(incident.snoozedUntil)}`;
  if (incident.acknowledged) return 'acknowledged';
  if (snoozed) return `snoozed until ${formatClock(incident.snoozedUntil)}`;
  return 'firing, not handled';
}

export interface WallboardIncident {
  readonly id: string;
  readonly severity: Incident['severity'];
  readonly title: string;
  readonly state: string;
  /** Nobody has acknowledged or snoozed it: it is drawn louder. */
  readonly open: boolean;
}

/**
 * The incidents the wall board shows, the ones nobody handled first, then
 * critical before warning, then oldest first; at most `max`, with how many
 * more there are, so the board never grows past the screen.
 */
export function wallboardIncidents(
  firing: readonly Incident[],
  now: number,
  max: number,
): { shown: WallboardIncident[]; more: number } {
  const lines = firing.map((incident) => {
    const open = !incident.acknowledged && !(incident.snoozedUntil !== null && incident.snoozedUntil > now);
    return {
      incident,
      line: {
        id: incident.id,
        severity: incident.severity,
        title: `${incident.sourceName} · ${RULE_META[incident.ruleId]?.label ?? incident.ruleId}`,
        state: incidentStateText(incident, now),
        open,
      },
    };
  });
  lines.sort(
    (a, b) =>
      Number(b.line.open) - Number(a.line.open) ||
      Number(b.incident.severity === 'critical') - Number(a.incident.severity === 'critical') ||
      a.incident.startedAt - b.incident.startedAt,
  );
  return { shown: lines.slice(0, max).map((l) => l.line), more: Math.max(0, lines.length - max) };
}
