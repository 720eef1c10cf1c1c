import type { Severity } from '@shared/model/alerts';
import type { Preferences } from '../../settings/settings-schema';

export type NotificationPrefs = Preferences['notifications'];

/** "22:00"–"07:00" spans midnight; times are the workstation's local time (given as minutes since midnight). */
export function inQuietHours(prefs: NotificationPrefs, minutesOfDay: number): boolean {
  const { enabled, start, end } = prefs.quietHours;
  if (!enabled) return false;
  const from = toMinutes(start);
  const to = toMinutes(end);
  return from <= to ? minutesOfDay >= from && minutesOfDay < to : minutesOfDay >= from || minutesOfDay < to;
}

export function mayNotify(prefs: NotificationPrefs, severity: Severity, minutesOfDay: number): boolean {
  if (!prefs.enabled) return false;
  if (!inQuietHours(prefs, minutesOfDay)) return true;
  return severity === 'critical' && prefs.quietHours.criticalBypass;
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
