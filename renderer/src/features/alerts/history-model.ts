import type { Incident, RuleId, Severity } from '@shared/model/alerts';
import { isoTime, toCsv } from '../../export/csv';
import { RULE_META } from './rule-meta';

/** Filtering, ordering and export of the incident history, pure so they can be tested. */
export interface HistoryFilters {
  readonly sourceId: string | null;
  readonly ruleId: RuleId | null;
  readonly severity: Severity | null;
  readonly state: Incident['state'] | null;
}

export const NO_HISTORY_FILTERS: HistoryFilters = { sourceId: null, ruleId: null, severity: null, state: null };

export function matchesHistory(incident: Incident, filters: HistoryFilters): boolean {
  return (
    (filters.sourceId === null || incident.sourceId === filters.sourceId) &&
    (filters.ruleId === null || incident.ruleId === filters.ruleId) &&
    (filters.severity === null || incident.severity === filters.severity) &&
    (filters.state === null || incident.state === filters.state)
  );
}

/**
 * Newest first. The history file is append-only, so one incident may appear
 * twice (opened, then resolved): the last record of an id is its truth.
 */
export function historyRows(incidents: readonly Incident[], filters: HistoryFilters): Incident[] {
  const latest = new Map<string, Incident>();
  for (const incident of incidents) latest.set(incident.id, incident);
  return [...latest.values()]
    .filter((incident) => matchesHistory(incident, filters))
    .sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? -1 : 1));
}

/** Sources named in the history (which may include removed ones), for the filter's choices. */
export function historySources(incidents: readonly Incident[]): Array<readonly [string, string]> {
  const names = new Map<string, string>();
  for (const incident of incidents) names.set(incident.sourceId, incident.sourceName);
  return [...names].sort(([, a], [, b]) => a.localeCompare(b));
}

/** How long it fired: to its end, or to now while still firing. */
export function incidentDuration(incident: Pick<Incident, 'startedAt' | 'endedAt'>, now: number): number {
  return Math.max(0, (incident.endedAt ?? now) - incident.startedAt);
}

/** "failed 17 · total 50 · share 34 %": the numbers that fired it, shares as percentages. */
export function valuesText(values: Readonly<Record<string, number>>): string {
  return Object.entries(values)
    .map(([key, value]) => {
      if (/share|ratio/i.test(key) && value <= 1) return `${key} ${Math.round(value * 1000) / 10} %`;
      if (/ms$/i.test(key)) return `${key.replace(/ms$/i, '')} ${Math.round(value / 1000)} s`;
      return `${key} ${Math.round(value * 100) / 100}`;
    })
    .join(' · ');
}

export function historyCsv(rows: readonly Incident[], now: number): string {
  return toCsv(
    [
      'started',
      'ended',
      'duration_s',
      'source_id',
      'source',
      'rule',
      'severity',
      'state',
      'acknowledged',
      'message',
      'values',
    ],
    rows.map((incident) => [
      isoTime(incident.startedAt),
      isoTime(incident.endedAt),
      Math.round(incidentDuration(incident, now) / 1000),
      incident.sourceId,
      incident.sourceName,
      RULE_META[incident.ruleId]?.label ?? incident.ruleId,
      incident.severity,
      incident.state,
      incident.acknowledged,
      incident.message,
      Object.entries(incident.values)
        .map(([key, value]) => `${key}=${value}`)
        .join('; '),
    ]),
  );
}
