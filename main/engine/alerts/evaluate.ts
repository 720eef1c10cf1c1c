import type { RuleConfig, RuleId, Rules, Severity } from '@shared/model/alerts';
import type { SessionRow, Snapshot, SourceState } from '@shared/model/state';
import { sessionFigures, viewerFigures } from './figures';

/**
 * What one rule says about one source right now: over its threshold
 * (`firing`), back under its recovery level (`clear`), or in between /
 * not judgeable (`hold`: keep whatever state the incident is in).
 */
export interface Condition {
  readonly key: string;
  readonly ruleId: RuleId;
  readonly sourceId: string;
  readonly sourceName: string;
  readonly severity: Severity;
  readonly level: 'firing' | 'clear' | 'hold';
  readonly values: Readonly<Record<string, number>>;
  readonly message: string;
  /**
   * When the data shows the condition began, if earlier than now: history held
   * or backfilled (NAVER's last hour) can show a fall that happened before the
   * app started, and its pending time has then already passed.
   */
  readonly since?: number;
}

export type AlertInput = Pick<Snapshot, 'sources' | 'series' | 'sessions'> & {
  /** Each source's hour-of-week baseline from history; absent where no history is kept. */
  readonly baselines?: Readonly<Record<string, { readonly usual: number | null; readonly weeks: number }>>;
};

type Judge = (
  source: SourceState,
  rule: RuleConfig,
  ctx: Context,
) => Omit<Condition, 'key' | 'ruleId' | 'sourceId' | 'sourceName' | 'severity'> | null;

interface Context {
  readonly now: number;
  readonly sessions: readonly SessionRow[];
  readonly points: Snapshot['series'][number]['points'];
  readonly usual: number | null;
}

/** Decimals a percentage needs to be written exactly (at most two): 5 % → 0, 0.5 % → 1. */
function percentDecimals(share: number): number {
  for (let digits = 0; digits < 2; digits++) {
    const scaled = share * 100 * 10 ** digits;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return digits;
  }
  return 2;
}

/**
 * A share written with as many decimals as its rule's threshold needs, so
 * "0.3 % against a 0.5 % threshold" never reads as "0 % against 0 %".
 */
export function percentText(share: number, threshold: number): string {
  return `${(share * 100).toFixed(percentDecimals(threshold))} %`;
}
const hold = { level: 'hold' as const, values: {}, message: '' };
const level = (fire: boolean, clear: boolean): Condition['level'] => (fire ? 'firing' : clear ? 'clear' : 'hold');

const judges: Record<RuleId, Judge> = {
  'source-failing': (source) => {
    // No API was called for a config problem (missing secrets, a bad option): it is no API failure.
    const failing =
      source.health.status === 'error' && !['auth', 'rate-limited', 'config'].includes(source.health.error.kind);
    const message =
      source.health.status === 'error' ? `API failing — ${source.health.error.message}` : 'API answering again';
    return { level: failing ? 'firing' : source.health.status === 'ok' ? 'clear' : 'hold', values: {}, message };
  },
  'auth-failing': (source) => {
    const failing = source.health.status === 'error' && source.health.error.kind === 'auth';
    const message =
      source.health.status === 'error'
        ? `credentials refused — ${source.health.error.message}`
        : 'credentials accepted';
    return { level: failing ? 'firing' : source.health.status === 'ok' ? 'clear' : 'hold', values: {}, message };
  },
  'rate-limited': (source) => {
    const h = source.health;
    // The engine shows a daily cap as "paused until <date>"; a per-minute 429 as an error.
    const daily = h.status === 'paused' && h.until !== null;
    const limited = daily || (h.status === 'error' && h.error.kind === 'rate-limited');
    const said = h.status === 'error' ? h.error.message : h.status === 'paused' ? h.reason : '';
    const message = limited ? `rate limit reached — ${said}` : 'within its rate limit';
    return { level: limited ? 'firing' : h.status === 'ok' ? 'clear' : 'hold', values: {}, message };
  },
  'stale-data': (source, rule, { now }) => {
    if (source.lastOkAt === null || source.health.status === 'paused') return null;
    const intervals = (now - source.lastOkAt) / source.intervalMs;
    const minutes = Math.round((now - source.lastOkAt) / 60_000);
    return {
      level: level(intervals > rule.threshold, intervals < rule.recovery),
      values: { ageMs: now - source.lastOkAt, intervals },
      message: `no fresh data for ${minutes} min (${intervals.toFixed(1)} poll intervals); threshold ${rule.threshold} poll intervals`,
    };
  },
  'session-failure-rate': (_source, rule, { now, sessions }) => {
    const f = sessionFigures(sessions, now - rule.windowMinutes * 60_000, now);
    // The minimum-sessions guard: five sessions with one failure is not a 20% failure rate worth waking anyone for.
    if (f.judged < rule.minSessions) return { ...hold, values: { total: f.judged } as Record<string, number> };
    const share = f.failed / f.judged;
    return {
      level: level(share > rule.threshold, share < rule.recovery),
      values: { failed: f.failed, total: f.judged, share },
      message: `${percentText(share, rule.threshold)} of sessions failed in the last ${rule.windowMinutes} min (${f.failed} of ${f.judged}); threshold ${percentText(rule.threshold, rule.threshold)}`,
    };
  },
  'rebuffering-share': (_source, rule, { now, sessions }) => {
    const f = sessionFigures(sessions, now - rule.windowMinutes * 60_000, now);
    if (f.rebufferingShare === null || f.withPlayback < rule.minSessions) return null;
    const share = f.rebufferingShare;
    return {
      level: level(share > rule.threshold, share < rule.recovery),
      values: { share, sessions: f.withPlayback },
      message: `rebuffering took ${percentText(share, rule.threshold)} of viewing time in the last ${rule.windowMinutes} min (${f.withPlayback} sessions); threshold ${percentText(rule.threshold, rule.threshold)}`,
    };
  },
  'startup-time': (_source, rule, { now, sessions }) => {
    const f = sessionFigures(sessions, now - rule.windowMinutes * 60_000, now);
    if (f.medianStartupMs === null || f.withStartup < rule.minSessions) return null;
    const seconds = f.medianStartupMs / 1000;
    return {
      level: level(seconds > rule.threshold, seconds < rule.recovery),
      values: { medianSeconds: seconds, sessions: f.withStartup },
      message: `median startup time ${seconds.toFixed(1)} s in the last ${rule.windowMinutes} min (${f.withStartup} sessions); threshold ${rule.threshold} s`,
    };
  },
  'viewer-drop': (source, rule, { now, points }) => {
    const v = viewerFigures(points, now, rule.windowMinutes * 60_000, source);
    // Too few viewers before the drop to call it one (10 → 4 is noise, not an outage).
    if (v === null || v.then < 10) return null;
    const drop = (v.then - v.latest) / v.then;
    return {
      level: level(drop > rule.threshold, drop < rule.recovery),
      values: { before: v.then, now: v.latest, drop },
      message: `${source.metric.unit} fell ${percentText(drop, rule.threshold)} in ${rule.windowMinutes} min (${v.then} → ${v.latest}); threshold ${percentText(rule.threshold, rule.threshold)}`,
    };
  },
  'viewers-below-usual': (source, rule, { now, points, usual }) => {
    // Silent without three weeks of history at this hour, and for an audience too small to judge.
    if (usual === null || usual < 10) return null;
    const v = viewerFigures(points, now, rule.windowMinutes * 60_000, source);
    if (v === null) return null;
    const share = v.latest / usual;
    return {
      level: level(share <= rule.threshold, share >= rule.recovery),
      values: { now: v.latest, usual, share },
      message: `${source.metric.unit} ${v.latest}, ${percentText(share, rule.threshold)} of the usual ${Math.round(usual)} for this hour of the week; threshold ${percentText(rule.threshold, rule.threshold)}`,
    };
  },
  'viewers-zero': (source, rule, { now, points }) => {
    const v = viewerFigures(points, now, rule.windowMinutes * 60_000, source);
    if (v === null) return null;
    if (v.latest > rule.threshold) return { ...hold, level: level(false, v.latest >= rule.recovery) };
    const run = zeroRun(points, rule.threshold, rule.windowMinutes * 60_000);
    const minutes = Math.round((now - run.since) / 60_000);
    return {
      level: level(run.peakBefore > 0, false),
      values: { now: v.latest, peak: run.peakBefore },
      message: `${source.metric.unit} at zero for ${minutes} min, after ${run.peakBefore} — is the stream down?`,
      since: run.since,
    };
  },
};

/**
 * The trailing run of readings at or under `threshold`: when it began, and the
 * highest reading in the `windowMs` before it. Judged on every point held, so
 * a stream that went to zero before the app started is still seen to have.
 */
function zeroRun(
  points: readonly { at: number; viewers: number }[],
  threshold: number,
  windowMs: number,
): { since: number; peakBefore: number } {
  let first = points.length - 1;
  while (first > 0 && points[first - 1]!.viewers <= threshold) first--;
  const since = points[first]!.at;
  let peakBefore = 0;
  for (let i = first - 1; i >= 0 && points[i]!.at >= since - windowMs; i--) {
    peakBefore = Math.max(peakBefore, points[i]!.viewers);
  }
  return { since, peakBefore };
}

/** Pure: the same rules, state and time always give the same conditions. */
export function evaluate(rules: Rules, state: AlertInput, now: number): Condition[] {
  const sessionsBySource = new Map<string, SessionRow[]>();
  for (const session of state.sessions) {
    const list = sessionsBySource.get(session.sourceId);
    if (list) list.push(session);
    else sessionsBySource.set(session.sourceId, [session]);
  }
  const pointsBySource = new Map(state.series.map((s) => [s.sourceId, s.points]));
  const conditions: Condition[] = [];
  for (const source of state.sources) {
    const ctx: Context = {
      now,
      sessions: sessionsBySource.get(source.id) ?? [],
      points: pointsBySource.get(source.id) ?? [],
      usual: state.baselines?.[source.id]?.usual ?? null,
    };
    for (const ruleId of Object.keys(judges) as RuleId[]) {
      const rule = rules[ruleId];
      if (!rule.enabled || rule.disabledSources.includes(source.id)) continue;
      const judged = judges[ruleId](source, rule, ctx);
      if (judged === null) continue;
      conditions.push({
        ...judged,
        key: `${ruleId}:${source.id}`,
        ruleId,
        sourceId: source.id,
        sourceName: source.name,
        severity: rule.severity,
        message: `${source.name} · ${judged.message}`,
      });
    }
  }
  return conditions;
}
