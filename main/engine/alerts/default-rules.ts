import type { Rules } from '@shared/model/alerts';

const base = { enabled: true, disabledSources: [] as string[], minSessions: 0, windowMinutes: 5 };

/**
 * Defaults chosen to not fire on a blip: conditions must hold for a minute or
 * two, and recovery needs a clearly better value than the firing threshold.
 */
export const DEFAULT_RULES: Rules = {
  'source-failing': { ...base, severity: 'warning', threshold: 1, recovery: 1, pendingSeconds: 90 },
  'auth-failing': { ...base, severity: 'critical', threshold: 1, recovery: 1, pendingSeconds: 0 },
  /** threshold and recovery are in poll intervals without fresh data. */
  'stale-data': { ...base, severity: 'warning', threshold: 3, recovery: 2, pendingSeconds: 0 },
  /** Shares are 0–1. */
  'session-failure-rate': {
    ...base,
    severity: 'critical',
    threshold: 0.1,
    recovery: 0.05,
    pendingSeconds: 60,
    minSessions: 20,
  },
  /** Drop against `windowMinutes` ago, as a share of the earlier value. */
  'viewer-drop': {
    ...base,
    severity: 'warning',
    threshold: 0.5,
    recovery: 0.3,
    windowMinutes: 10,
    pendingSeconds: 120,
  },
  'viewers-zero': { ...base, severity: 'critical', threshold: 0, recovery: 1, windowMinutes: 10, pendingSeconds: 120 },
  /** Viewers as a share of the usual figure for this hour of the week; ten minutes under half of it fires. */
  'viewers-below-usual': {
    ...base,
    severity: 'warning',
    threshold: 0.5,
    recovery: 0.7,
    windowMinutes: 10,
    pendingSeconds: 600,
  },
  'rebuffering-share': {
    ...base,
    severity: 'warning',
    threshold: 0.05,
    recovery: 0.03,
    pendingSeconds: 120,
    minSessions: 20,
  },
  /** Median startup seconds. */
  'startup-time': { ...base, severity: 'warning', threshold: 4, recovery: 3, pendingSeconds: 120, minSessions: 20 },
  'rate-limited': { ...base, severity: 'warning', threshold: 1, recovery: 1, pendingSeconds: 0 },
};
