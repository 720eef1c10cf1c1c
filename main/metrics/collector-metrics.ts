import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Incident, RuleId, Rules } from '@shared/model/alerts';
import type { ViewerMetric } from '@shared/model/source';
import type { SessionRow, Snapshot, SourceState } from '@shared/model/state';
import { sessionFigures } from '../engine/alerts/figures';
import type { StateHub } from '../engine/types';
import { endpointLabel } from './endpoint-label';
import { countSessions } from './session-counters';
import type { RequestRecord } from './metered-http';

export interface MetricsDeps {
  readonly hub: StateHub;
  readonly now: () => number;
  readonly version: string;
  /** Each platform's own definition of its "viewers" number, for the HELP text. */
  readonly viewerMetrics: readonly { readonly provider: string; readonly metric: ViewerMetric }[];
  readonly incidents?: () => readonly Incident[];
  readonly rules?: () => Rules;
  /** Process and Node.js metrics (CPU, memory, event loop); off in unit tests for stable output. */
  readonly processMetrics?: boolean;
  /** Window the rebuffering ratio is computed over, like the alert rule's. */
  readonly windowMinutes?: number;
}

export interface Exposition {
  readonly contentType: string;
  readonly body: string;
}

export interface CollectorMetrics {
  /** The text format 0.0.4, or OpenMetrics 1.0.0 when `accept` asks for it. */
  render(accept: string | undefined): Promise<Exposition>;
  observeRequest(record: RequestRecord): void;
  close(): void;
}

const OPENMETRICS = 'application/openmetrics-text';

/**
 * The gauges with one value per source, read from the snapshot at scrape time.
 * `value` undefined leaves the source out (nothing known); `kind`, where present,
 * adds the error kind as a label and leaves out sources without one.
 */
interface SourceGauge {
  readonly name: string;
  readonly help: string;
  readonly value: (source: SourceState, snapshot: Snapshot) => number | undefined;
  readonly kind?: (source: SourceState) => string | null;
}

const SOURCE_GAUGES: readonly SourceGauge[] = [
  {
    name: 'streamwatch_viewers',
    help: "Latest audience figure per source, in each platform's own measure.",
    value: (source, snapshot) => snapshot.series.find((s) => s.sourceId === source.id)?.points.at(-1)?.viewers,
  },
  {
    name: 'streamwatch_source_up',
    help: "Whether the source's last poll succeeded (1) or not (0: failing, paused, or not polled yet).",
    value: (source) => (source.health.status === 'ok' ? 1 : 0),
  },
  {
    name: 'streamwatch_source_error',
    help: 'Set to 1, labelled with the error kind (network, timeout, http, auth, rate-limited, schema, provider, config), while the source is failing.',
    value: () => 1,
    kind: (source) => (source.health.status === 'error' ? source.health.error.kind : null),
  },
  {
    name: 'streamwatch_source_paused',
    help: 'Whether polling of the source is paused (1), e.g. until a daily request cap resets.',
    value: (source) => (source.health.status === 'paused' ? 1 : 0),
  },
  {
    name: 'streamwatch_source_rate_limited',
    help: 'Whether the platform is refusing requests for rate (1): a 429, or a daily cap reached.',
    value: ({ health: h }) =>
      (h.status === 'paused' && h.until !== null) || (h.status === 'error' && h.error.kind === 'rate-limited') ? 1 : 0,
  },
  {
    name: 'streamwatch_source_poll_interval_seconds',
    help: "How often the source's viewers are polled; data older than a few of these is stale.",
    value: (source) => source.intervalMs / 1000,
  },
  {
    name: 'streamwatch_source_last_success_timestamp_seconds',
    help: 'Unix time of the last successful poll of any endpoint of the source.',
    value: (source) => (source.lastOkAt === null ? undefined : source.lastOkAt / 1000),
  },
  {
    name: 'streamwatch_rate_limit_remaining',
    help: "Requests left in the platform's current rate-limit window, as the platform last reported it.",
    value: (source) => source.rateLimit?.remaining ?? undefined,
  },
];

/**
 * The collector's state as Prometheus metrics. Gauges are read from the hub
 * at scrape time, so a scrape always equals the snapshot of that moment;
 * counters and histograms grow as sessions and requests are seen. Labels are
 * sources, providers, endpoints, rules: never a session or viewer id, which
 * would make one series per viewer.
 */
export function createCollectorMetrics(deps: MetricsDeps): CollectorMetrics {
  // One registry per format: prom-client binds the format to the registry, and two scrapes may overlap.
  const text = new Registry();
  const open = new Registry<typeof Registry.OPENMETRICS_CONTENT_TYPE>();
  open.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  const registers = [text, open] as Registry[];
  const windowMs = (deps.windowMinutes ?? 5) * 60_000;
  let current: Snapshot | null = null;
  // Each gauge's collect() runs on a scrape; one snapshot per scrape keeps them consistent with each other.
  const snapshot = (): Snapshot => (current ??= deps.hub.snapshot());

  /** Every metric, defined once per registry (the OpenMetrics registry renames counters in place). */
  function build(registry: Registry) {
    const perSource = ['source', 'provider'] as const;
    const viewerHelp = deps.viewerMetrics
      .map((v) => `${v.provider}: ${v.metric.label} (${v.metric.definition})`)
      .join('; ');

    for (const gauge of SOURCE_GAUGES) {
      new Gauge({
        name: gauge.name,
        help: gauge.name === 'streamwatch_viewers' ? `${gauge.help} ${viewerHelp}` : gauge.help,
        labelNames: gauge.kind ? [...perSource, 'kind'] : perSource,
        registers: [registry],
        collect() {
          this.reset();
          const current = snapshot();
          for (const source of current.sources) {
            const value = gauge.value(source, current);
            if (value === undefined) continue;
            const labels = { source: source.id, provider: source.provider };
            const kind = gauge.kind?.(source);
            if (kind === undefined) this.set(labels, value);
            else if (kind !== null) this.set({ ...labels, kind }, value);
          }
        },
      });
    }
    new Gauge({
      name: 'streamwatch_rebuffering_ratio',
      help: `Share (0-1) of viewing time spent rebuffering, over sessions started in the last ${windowMs / 60_000} minutes.`,
      labelNames: perSource,
      registers: [registry],
      collect() {
        this.reset();
        const bySource = groupSessions(snapshot().sessions);
        const since = deps.now() - windowMs;
        for (const s of snapshot().sources) {
          const share = sessionFigures(bySource.get(s.id) ?? [], since, deps.now()).rebufferingShare;
          if (share !== null) this.set({ source: s.id, provider: s.provider }, share);
        }
      },
    });
    new Gauge({
      name: 'streamwatch_incidents_firing',
      help: 'Incidents firing now, per alert rule and severity.',
      labelNames: ['rule', 'severity'] as const,
      registers: [registry],
      collect() {
        this.reset();
        const rules = deps.rules?.();
        // Every rule reports, at 0 when quiet, so "absent" never has to mean "fine".
        if (rules)
          for (const id of Object.keys(rules) as RuleId[]) this.set({ rule: id, severity: rules[id].severity }, 0);
        for (const incident of deps.incidents?.() ?? [])
          this.inc({ rule: incident.ruleId, severity: incident.severity });
      },
    });
    new Gauge({
      name: 'streamwatch_build_info',
      help: 'Always 1; the labels say which build is running.',
      labelNames: ['version'] as const,
      registers: [registry],
    }).set({ version: deps.version }, 1);

    const started = new Counter({
      name: 'streamwatch_sessions_started_total',
      help: 'Playback sessions seen for the first time, per source.',
      labelNames: perSource,
      registers: [registry],
    });
    const failures = new Counter({
      name: 'streamwatch_session_failures_total',
      help: 'Sessions the platform marked as failed, per source.',
      labelNames: perSource,
      registers: [registry],
    });
    const startup = new Histogram({
      name: 'streamwatch_session_startup_seconds',
      help: 'Time from play request to first frame of sessions that started, as the platform measured it.',
      labelNames: perSource,
      buckets: [0.25, 0.5, 1, 2, 3, 4, 6, 10, 20],
      registers: [registry],
    });
    const requests = new Counter({
      name: 'streamwatch_api_requests_total',
      help: 'Requests to the platforms\' APIs, by provider, endpoint (ids replaced by :id) and HTTP status ("none" when no answer came).',
      labelNames: ['provider', 'endpoint', 'code'] as const,
      registers: [registry],
    });
    const durations = new Histogram({
      name: 'streamwatch_api_request_duration_seconds',
      help: "Time the platforms' APIs took to answer, by provider and endpoint.",
      labelNames: ['provider', 'endpoint'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
      registers: [registry],
    });
    return { started, failures, startup, requests, durations };
  }
  const sets = registers.map(build);

  if (deps.processMetrics !== false) {
    for (const registry of registers) {
      collectDefaultMetrics({ register: registry });
      // These three are gauges named like counters; the same figures exist without "_total".
      for (const name of [
        'nodejs_active_handles_total',
        'nodejs_active_requests_total',
        'nodejs_active_resources_total',
      ])
        registry.removeSingleMetric(name);
    }
  }

  const unsubscribe = countSessions(deps.hub, sets);

  return {
    async render(accept) {
      const registry = accept?.includes(OPENMETRICS) ? open : text;
      current = null;
      try {
        return { contentType: registry.contentType, body: await registry.metrics() };
      } finally {
        current = null;
      }
    },
    observeRequest(record) {
      const endpoint = endpointLabel(record.url);
      const code = record.status === null ? 'none' : String(record.status);
      for (const set of sets) {
        set.requests.inc({ provider: record.provider, endpoint, code });
        set.durations.observe({ provider: record.provider, endpoint }, record.seconds);
      }
    },
    close() {
      unsubscribe();
      text.clear();
      open.clear();
    },
  };
}

function groupSessions(sessions: readonly SessionRow[]): Map<string, SessionRow[]> {
  const map = new Map<string, SessionRow[]>();
  for (const s of sessions) {
    const list = map.get(s.sourceId);
    if (list) list.push(s);
    else map.set(s.sourceId, [s]);
  }
  return map;
}
