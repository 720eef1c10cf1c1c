/**
 * The scenario clock behind every simulator: a deterministic daily audience
 * curve plus scheduled incidents, all pure functions of (time, seed) so a
 * simulator answers the same question the same way however often it is asked,
 * and tests on a fake clock see exactly what the demo shows.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A repeatable number in [0, 1) for a seed and any keys (FNV-1a, then a xorshift mix). */
export function noise(seed: number, ...keys: Array<string | number>): number {
  let hash = 0x811c9dc5 ^ seed;
  for (const key of keys) {
    const text = String(key);
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x2f;
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return (hash >>> 0) / 0x1_0000_0000;
}

/** Hours between two times of day, the short way round the clock (23:30 to 00:30 is 1, not 23). */
function hoursApart(hour: number, center: number): number {
  const gap = Math.abs(hour - center) % 24;
  return Math.min(gap, 24 - gap);
}

/**
 * Share of the daily peak audience at a UTC time: low at night, a lunch bump,
 * an evening peak. Each bump is measured round the clock, so the curve is as
 * smooth at 00:00 as at any other minute (a straight distance would drop the
 * evening's tail to zero at midnight and fire a "Viewer drop" every night).
 */
export function dailyShape(at: number, utcOffsetHours = 0): number {
  const hour = (((at / HOUR + utcOffsetHours) % 24) + 24) % 24;
  const evening = Math.exp(-(hoursApart(hour, 20.5) ** 2) / 6);
  const lunch = 0.45 * Math.exp(-(hoursApart(hour, 12.5) ** 2) / 3);
  return 0.12 + 0.88 * Math.min(1, evening + lunch);
}

export type IncidentKind = 'error-spike' | 'viewer-drop' | 'api-outage' | 'rate-limit-storm' | 'expired-token';

export interface ScheduledIncident {
  readonly kind: IncidentKind;
  /** Offset into each period at which it starts. */
  readonly startMs: number;
  readonly durationMs: number;
  /** Repeats every period; one-off when absent (offset from epoch 0 of the scenario). */
  readonly periodMs?: number;
}

export interface Scenario {
  readonly seed: number;
  /** Audience at the daily peak. */
  readonly peakViewers: number;
  readonly incidents: readonly ScheduledIncident[];
}

/** The demo's default: a few incidents every two hours so a newcomer sees alerts within minutes. */
export const DEMO_INCIDENTS: readonly ScheduledIncident[] = [
  { kind: 'error-spike', startMs: 20 * MINUTE, durationMs: 8 * MINUTE, periodMs: 2 * HOUR },
  { kind: 'viewer-drop', startMs: 70 * MINUTE, durationMs: 6 * MINUTE, periodMs: 2 * HOUR },
];

export function incidentActive(scenario: Scenario, kind: IncidentKind, at: number): boolean {
  return scenario.incidents.some((incident) => {
    if (incident.kind !== kind) return false;
    const offset = incident.periodMs ? ((at % incident.periodMs) + incident.periodMs) % incident.periodMs : at;
    return offset >= incident.startMs && offset < incident.startMs + incident.durationMs;
  });
}

/** Viewers at a minute: the daily curve, a little repeatable noise, and a drop during a viewer-drop incident. */
export function viewersAt(scenario: Scenario, at: number, key: string | number = 0): number {
  const minute = Math.floor(at / MINUTE);
  const wobble = 0.92 + 0.16 * noise(scenario.seed, 'viewers', key, minute);
  const drop = incidentActive(scenario, 'viewer-drop', at) ? 0.25 : 1;
  return Math.max(0, Math.round(scenario.peakViewers * dailyShape(at) * wobble * drop));
}

/** Chance that a session starting at this time fails: a few percent, far more during an error spike. */
export function failureRateAt(scenario: Scenario, at: number): number {
  return incidentActive(scenario, 'error-spike', at) ? 0.45 : 0.04;
}
