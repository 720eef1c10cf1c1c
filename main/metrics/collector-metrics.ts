import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client';
import type { Incident, RuleId, Rules } from '@shared/model/alerts';
import type { ViewerMetric } from '@shared/model/source';
import type { SessionRow, Snapshot } from '@shared/model/state';
import { sessionFigures } from '../engine/alerts/figures';
import type { StateHub } from '../engine/types';
import { endpointLabel } from './endpoint-label';
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

    new Gauge({
      name: 'streamwatch_viewers',
      help: `Latest audience figure per source, in each platform's own measure. ${viewerHelp}`,
      labelNames: perSource,
      registers: [registry],
      collect() {
        this.reset();
        const latest = new Map(snapshot().series.map((s) => [s.sourceId, s.points.at(-1)?.viewers]));
        for (const source of snapshot().sources) {
          const value = latest.get(source.id);
          if (value !== undefined) this.set({ source: source.id, provider: source.provider }, value);
        }
      },
    });
    new Gauge({
      name: 'streamwatch_source_up',
      help: "Whether the source's last poll succeeded (1) or not (0: failing, paused, or not polled yet).",
      labelNames: perSource,
      registers: [registry],
      collect() {
        this.reset();
        for (const s of snapshot().sources)
          this.set({ source: s.id, provider: s.provider }, s.health.status === 'ok' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'streamwatch_source_error',
      help: 'Set to 1, labelled with the error kind (network, timeout, http, auth, rate-limited, schema, provider, config), while the source is failing.',
      labelNames: [...perSource, 'kind'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const s of snapshot().sources)
          if (s.health.status === 'error')
            this.set({ source: s.id, provider: s.provider, kind: s.health.error.kind }, 1);
      },
    });
    new Gauge({
      name: 'streamwatch_source_paused',
      help: 'Whether polling of the source is paused (1), e.g. until a daily request cap resets.',
      labelNames: perSource,
      registers: [registry],
      collect() {
        this.reset();
        for (const s of snapshot().sources)
          this.set({ source: s.id, provider: s.provider }, s.health.status === 'paused' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'streamwatch_source_rate_limited',
      help: 'Whether the platform is refusing requests for rate (1): a 429, or a daily cap reached.',
      labelNames: perSource,
      registers: [registry],
      collect() {
        this.reset();
        for (const s of snapshot().sources) {
          const h = s.health;
          const limited =
            (h.status === 'paused' && h.until !== null) || (h.status === 'error' && h.error.kind === 'rate-limited');
          this.set({ source: s.id, provider: s.provider }, limited ? 1 : 0);
        }
      },
    });
    new Gauge({
      name: 'streamwatch_source_poll_interval_seconds',
      help: "How often the source's viewers are polled; data older than a few of these is stale.",
      labelNames: perSource,
      registers: [registry],
      collect() {
        this.reset();
        for (const s of snapshot().sources) this.set({ source: s.id, provider: s.provider }, s.intervalMs / 1000);
      },
    });
    new Gauge({
      name: 'streamwatch_source_last_success_timestamp_seconds',
      help: 'Unix time of the last successful poll of any endpoint of the source.',
      labelNames: perSource,
      registers: [registry],
      collect() {
        this.reset();
        for (const s of snapshot().sources)
          if (s.lastOkAt !== null) this.set({ source: s.id, provider: s.provider }, s.lastOkAt / 1000);
      },
    });
    new Gauge({
      name: 'streamwatch_rate_limit_remaining',
      help: "Requests left in the platform's current rate-limit window, as the platform last reported it.",
      labelNames: perSource,
      registers: [registry],
      collect() {
        this.reset();
        for (const s of snapshot().sources) {
          const remaining = s.rateLimit?.remaining;
          if (remaining !== null && remaining !== undefined)
            this.set({ source: s.id, provider: s.provider }, remaining);
        }
      },
    });
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

  // Sessions are counted from the hub's patches: a session is counted once, its failure once.
  const seen = new Map<string, { failed: boolean; timed: boolean }>();
  const providerOf = new Map<string, string>();
  function countSession(row: SessionRow): void {
    const key = `${row.sourceId}\u0000${row.id}`;
    const labels = { source: row.sourceId, provider: providerOf.get(row.sourceId) ?? 'unknown' };
    let entry = seen.get(key);
    if (!entry) {
      entry = { failed: false, timed: false };
      seen.set(key, entry);
      for (const set of sets) set.started.inc(labels);
    }
    if (row.failed === true && !entry.failed) {
      entry.failed = true;
      for (const set of sets) set.failures.inc(labels);
    }
    // A failed start has no meaningful startup time (the alert rule reads it the same way).
    if (row.startupTimeMs !== null && row.failed !== true && !entry.timed) {
      entry.timed = true;
      for (const set of sets) set.startup.observe(labels, row.startupTimeMs / 1000);
    }
  }
  const initial = deps.hub.snapshot();
  for (const s of initial.sources) providerOf.set(s.id, s.provider);
  initial.sessions.forEach(countSession);
  const unsubscribe = deps.hub.subscribe((patch) => {
    for (const op of patch.ops) {
      if (op.op === 'source') providerOf.set(op.source.id, op.source.provider);
      else if (op.op === 'sessions') op.sessions.forEach(countSession);
      else if (op.op === 'sessions-evicted')
        for (const [sourceId, id] of op.keys) seen.delete(`${sourceId}\u0000${id}`);
      else if (op.op === 'source-removed') removeSource(op.sourceId);
    }
  });
  function removeSource(sourceId: string): void {
    for (const key of [...seen.keys()]) if (key.startsWith(`${sourceId}\u0000`)) seen.delete(key);
    const provider = providerOf.get(sourceId) ?? 'unknown';
    for (const set of sets)
      for (const metric of [set.started, set.failures, set.startup] as Metric<'source' | 'provider'>[])
        metric.remove({ source: sourceId, provider });
  }

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
