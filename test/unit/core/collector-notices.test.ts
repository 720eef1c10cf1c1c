import { describe, expect, it } from 'vitest';
import type { AlertsView, Incident } from '@shared/model/alerts';
import { DEFAULT_NOTIFICATION_PREFS } from '@shared/model/preferences';
import type { AlertNotification } from '../../../main/engine/alerts/alert-engine';
import { collectorNotices } from '../../../main/core/collector-notices';

const T0 = Date.parse('2026-12-05T00:00:00Z');

function incident(id: string, patch: Partial<Incident> = {}): Incident {
  return {
    id,
    key: `k-${id}`,
    ruleId: 'source-failing',
    sourceId: `s-${id}`,
    sourceName: `Source ${id}`,
    severity: 'critical',
    state: 'firing',
    startedAt: T0,
    endedAt: null,
    values: {},
    message: `Source ${id} is down`,
    acknowledged: false,
    snoozedUntil: null,
    ...patch,
  };
}
const view = (...firing: Incident[]): AlertsView => ({
  firing,
  pending: [],
  silenced: 0,
  snoozeAllUntil: null,
  level: firing.length ? 'critical' : 'ok',
  summary: '',
});

function notices(prefs = DEFAULT_NOTIFICATION_PREFS, minutesOfDay = () => 12 * 60) {
  const sent: AlertNotification[] = [];
  const take = collectorNotices({
    sink: { notify: (n) => sent.push(n) },
    prefs: () => prefs,
    now: () => T0,
    minutesOfDay,
  });
  return { sent, take };
}

describe("notifications for a team collector's incidents", () => {
  it('says each new incident once, groups several, and says when one resolves', () => {
    const { sent, take } = notices();
    take(view(incident('a')));
    take(view(incident('a'))); // the same view again, e.g. after a reconnect
    take(view(incident('a'), incident('b', { severity: 'warning' }), incident('c')));
    take(view(incident('b', { severity: 'warning' }), incident('c')));
    expect(sent.map((n) => [n.title, n.body])).toEqual([
      ['Critical: Source a', 'Source a is down'],
      ['2 new incidents', '• Source b is down\n• Source c is down'],
      ['Resolved: Source a', 'Source a is down — resolved.'],
    ]);
    expect(sent.every((n) => n.silent)).toBe(true); // sound is off by default
  });

  it('stays quiet for incidents acknowledged or snoozed on the collector, and in quiet hours for warnings', () => {
    const { sent, take } = notices();
    take(view(incident('a', { acknowledged: true }), incident('b', { snoozedUntil: T0 + 60_000 })));
    expect(sent).toEqual([]);
    const night = notices(
      {
        ...DEFAULT_NOTIFICATION_PREFS,
        quietHours: { enabled: true, start: '22:00', end: '07:00', criticalBypass: true },
      },
      () => 23 * 60,
    );
    night.take(view(incident('w', { severity: 'warning' })));
    night.take(view(incident('w', { severity: 'warning' }), incident('c')));
    expect(night.sent.map((n) => n.title)).toEqual(['Critical: Source c']);
  });

  it('nothing at all when notifications are off on this desktop', () => {
    const { sent, take } = notices({ ...DEFAULT_NOTIFICATION_PREFS, enabled: false });
    take(view(incident('a')));
    expect(sent).toEqual([]);
  });
});
