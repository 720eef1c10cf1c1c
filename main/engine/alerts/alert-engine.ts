import type { AlertsView, Incident, Rules } from '@shared/model/alerts';
import { evaluate, type AlertInput, type Condition } from './evaluate';
import { mayNotify, type NotificationPrefs } from './notify-policy';
import { isPollStale } from '@shared/figures/freshness';

/** What the shell shows: a native notification in the app, a line in the page in headless mode. */
export interface AlertNotification {
  readonly title: string;
  readonly body: string;
  /** The incident a click should open. */
  readonly incidentId: string;
  readonly silent: boolean;
}

export interface AlertSink {
  notify(notification: AlertNotification): void;
}

export interface AlertHistory {
  /** Records an incident's latest state (opened, acknowledged, resolved). */
  record(incident: Incident): void;
}

export interface AlertEngineDeps {
  readonly now: () => number;
  readonly rules: () => Rules;
  readonly prefs: () => NotificationPrefs;
  readonly sink: AlertSink;
  readonly history?: AlertHistory;
  /** Local minutes since midnight, for quiet hours; injected so tests need no time zone. */
  readonly minutesOfDay?: (at: number) => number;
  /** Incidents opening within this window share one notification. */
  readonly groupWindowMs?: number;
  /** Incidents still firing when the app last stopped (from history), so they are not opened twice. */
  readonly restored?: readonly Incident[];
}

interface Tracked {
  incident: Incident;
  lastNotifiedAt: number;
  reminders: number;
}

export interface AlertEngine {
  /** Re-evaluates the rules against the state; call on every state change and on a steady tick. */
  tick(state: AlertInput): void;
  acknowledge(incidentId: string): boolean;
  snooze(incidentId: string, forMs: number): boolean;
  snoozeAll(forMs: number): void;
  view(state: AlertInput): AlertsView;
  incidents(): readonly Incident[];
  subscribe(listener: () => void): () => void;
}

export function createAlertEngine(deps: AlertEngineDeps): AlertEngine {
  const groupWindowMs = deps.groupWindowMs ?? 10_000;
  const minutesOfDay = deps.minutesOfDay ?? ((at: number) => new Date(at).getHours() * 60 + new Date(at).getMinutes());
  /** Conditions over their threshold, waiting out their rule's pending time, by key. */
  const pending = new Map<string, { condition: Condition; since: number }>();
  const firing = new Map<string, Tracked>();
  const listeners = new Set<() => void>();
  let group: { startedAt: number; incidents: Incident[] } | null = null;
  let snoozeAllUntil: number | null = null;
  let counter = 0;
  let lastSignature = '';

  for (const incident of deps.restored ?? []) {
    if (incident.state === 'firing')
      firing.set(incident.key, { incident, lastNotifiedAt: incident.startedAt, reminders: 0 });
  }

  const changed = () => listeners.forEach((listener) => listener());
  const silenced = (t: Tracked, now: number) =>
    t.incident.acknowledged || (t.incident.snoozedUntil ?? 0) > now || (snoozeAllUntil ?? 0) > now;

  function update(t: Tracked, patch: Partial<Incident>): void {
    t.incident = { ...t.incident, ...patch };
    deps.history?.record(t.incident);
  }

  function send(severity: Incident['severity'], now: number, notification: Omit<AlertNotification, 'silent'>): void {
    if (!mayNotify(deps.prefs(), severity, minutesOfDay(now))) return;
    deps.sink.notify({ ...notification, silent: !deps.prefs().sound });
  }

  function open(condition: Condition, now: number): void {
    const incident: Incident = {
      id: `${now.toString(36)}-${(counter++).toString(36)}`,
      key: condition.key,
      ruleId: condition.ruleId,
      sourceId: condition.sourceId,
      sourceName: condition.sourceName,
      severity: condition.severity,
      state: 'firing',
      // The data may show it began earlier (before the app started): say so, not when it was noticed.
      startedAt: Math.min(condition.since ?? now, now),
      endedAt: null,
      values: condition.values,
      message: condition.message,
      acknowledged: false,
      snoozedUntil: null,
    };
    const tracked: Tracked = { incident, lastNotifiedAt: now, reminders: 0 };
    firing.set(condition.key, tracked);
    deps.history?.record(incident);
    if (silenced(tracked, now)) return;
    group ??= { startedAt: now, incidents: [] };
    group.incidents.push(incident);
  }

  function resolve(t: Tracked, now: number): void {
    firing.delete(t.incident.key);
    const quiet = silenced(t, now) && !t.incident.acknowledged;
    update(t, { state: 'resolved', endedAt: now });
    if (!quiet)
      send(t.incident.severity, now, {
        title: `Resolved: ${t.incident.sourceName}`,
        body: `${t.incident.message} — resolved after ${duration(now - t.incident.startedAt)}.`,
        incidentId: t.incident.id,
      });
  }

  function flushGroup(now: number): void {
    if (!group || now - group.startedAt < groupWindowMs) return;
    const opened = group.incidents.filter((i) => firing.get(i.key)?.incident.id === i.id);
    group = null;
    if (opened.length === 0) return;
    const worst = opened.some((i) => i.severity === 'critical') ? 'critical' : 'warning';
    const first = opened[0]!;
    const title =
      opened.length === 1
        ? `${first.severity === 'critical' ? 'Critical' : 'Warning'}: ${first.sourceName}`
        : `${opened.length} new incidents`;
    const body = opened.length === 1 ? first.message : opened.map((i) => `• ${i.message}`).join('\n');
    send(worst, now, { title, body, incidentId: first.id });
  }

  function remind(now: number): void {
    const { remindEveryMinutes, maxReminders } = deps.prefs();
    for (const t of firing.values()) {
      if (silenced(t, now) || t.reminders >= maxReminders) continue;
      if (now - t.lastNotifiedAt < remindEveryMinutes * 60_000) continue;
      t.reminders++;
      t.lastNotifiedAt = now;
      send(t.incident.severity, now, {
        title: `Still firing: ${t.incident.sourceName}`,
        body: `${t.incident.message} (for ${duration(now - t.incident.startedAt)})`,
        incidentId: t.incident.id,
      });
    }
  }

  return {
    tick(state) {
      const now = deps.now();
      const before = firing.size;
      const seen = new Set<string>();
      for (const condition of evaluate(deps.rules(), state, now)) {
        seen.add(condition.key);
        const tracked = firing.get(condition.key);
        if (tracked) {
          if (condition.level === 'clear') resolve(tracked, now);
          else if (condition.level === 'firing')
            tracked.incident = { ...tracked.incident, values: condition.values, message: condition.message };
          continue;
        }
        if (condition.level === 'clear') pending.delete(condition.key);
        if (condition.level !== 'firing') continue;
        const since = Math.min(pending.get(condition.key)?.since ?? now, condition.since ?? now);
        pending.set(condition.key, { condition, since });
        const rule = deps.rules()[condition.ruleId];
        if (now - since >= rule.pendingSeconds * 1000) {
          pending.delete(condition.key);
          open(condition, now);
        }
      }
      // A source or rule that went away (removed, switched off) resolves its incidents.
      for (const tracked of [...firing.values()]) if (!seen.has(tracked.incident.key)) resolve(tracked, now);
      for (const key of [...pending.keys()]) if (!seen.has(key)) pending.delete(key);
      flushGroup(now);
      remind(now);
      // Tell listeners only when something a person would see changed, not on every tick.
      const signature = [
        ...[...firing.values()].map((t) => `${t.incident.id}|${t.incident.message}`),
        ...[...pending.keys()].map((key) => `pending|${key}`),
      ].join('\n');
      if (signature !== lastSignature || firing.size !== before) {
        lastSignature = signature;
        changed();
      }
    },
    acknowledge(id) {
      const t = [...firing.values()].find((x) => x.incident.id === id);
      if (!t) return false;
      update(t, { acknowledged: true });
      changed();
      return true;
    },
    snooze(id, forMs) {
      const t = [...firing.values()].find((x) => x.incident.id === id);
      if (!t) return false;
      update(t, { snoozedUntil: deps.now() + forMs });
      changed();
      return true;
    },
    snoozeAll(forMs) {
      snoozeAllUntil = forMs > 0 ? deps.now() + forMs : null;
      changed();
    },
    view(state) {
      const now = deps.now();
      const list = [...firing.values()];
      const worst = list.some((t) => t.incident.severity === 'critical')
        ? 'critical'
        : list.length > 0
          ? 'warning'
          : 'ok';
      // Never green while any number is stale or unknown: grey says "we do not know".
      const unsure = state.sources.some((s) => s.health.status !== 'ok' || isPollStale(s, now));
      const level = worst === 'ok' && (unsure || state.sources.length === 0) ? 'unknown' : worst;
      const silencedCount = list.filter((t) => silenced(t, now)).length;
      const summary =
        list.length === 0
          ? level === 'unknown'
            ? 'No incidents, but some data is stale or unknown'
            : 'All sources healthy'
          : `${list.length} firing${silencedCount ? `, ${silencedCount} silenced` : ''}: ${list.map((t) => t.incident.message).join('; ')}`;
      const rules = deps.rules();
      return {
        firing: list.map((t) => t.incident).sort((a, b) => b.startedAt - a.startedAt),
        pending: [...pending.values()].map(({ condition, since }) => ({
          key: condition.key,
          ruleId: condition.ruleId,
          sourceId: condition.sourceId,
          sourceName: condition.sourceName,
          severity: condition.severity,
          message: condition.message,
          since,
          firesAt: since + (rules[condition.ruleId]?.pendingSeconds ?? 0) * 1000,
        })),
        silenced: silencedCount,
        snoozeAllUntil: (snoozeAllUntil ?? 0) > now ? snoozeAllUntil : null,
        level,
        summary,
      };
    },
    incidents: () => [...firing.values()].map((t) => t.incident),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
