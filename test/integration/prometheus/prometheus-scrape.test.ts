import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../main/engine/alerts/default-rules';
import { sessionFigures } from '../../../main/engine/alerts/figures';
import type { RunningServer } from '../../../main/headless/serve';
import { createCollectorMetrics, type CollectorMetrics } from '../../../main/metrics/collector-metrics';
import { tokensGuard } from '../../../main/metrics/metrics-access';
import { providerList } from '../../../main/providers/registry';
import { startMetricsServer } from '../../support/metrics-server';
import { NOW, firingIncident, metricsHub } from '../../support/metrics-hub';
import { promtool, skipReason, startPrometheus, type RunningPrometheus } from '../../support/prometheus';

/**
 * The collector's /metrics as the team's monitoring meets it: the headless
 * server on loopback, scraped by a real Prometheus (Debian's package), whose
 * HTTP API must then answer exactly what the collector's snapshot holds.
 */
const missing = skipReason('prometheus') ?? skipReason('promtool');

describe.skipIf(missing !== null)('Prometheus scrapes the collector', () => {
  const hub = metricsHub();
  let root: string;
  let server: RunningServer;
  let metrics: CollectorMetrics;
  let prometheus: RunningPrometheus;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sw-metrics-'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
    metrics = createCollectorMetrics({
      hub,
      now: () => NOW,
      version: '0.1.0',
      viewerMetrics: providerList.map((p) => ({ provider: p.kind, metric: p.metric })),
      incidents: () => [firingIncident()],
      rules: () => DEFAULT_RULES,
    });
    server = await startMetricsServer({ hub, metrics, guard: tokensGuard(null), rendererRoot: root });
    prometheus = await startPrometheus(`127.0.0.1:${server.port}`);
  }, 40_000);

  afterAll(async () => {
    await prometheus?.stop();
    await server?.close();
    metrics?.close();
    await rm(root, { recursive: true, force: true });
  });

  /** Polls Prometheus until the scrape has landed: bounded, and fails with what it saw. */
  async function scraped(): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const up = await prometheus.query('up{job="streamwatch"}');
      const viewers = await prometheus.query('streamwatch_viewers');
      if (up[0]?.value === 1 && viewers.length === 2) return;
      if (Date.now() > deadline) throw new Error(`no successful scrape within 20 s (up: ${JSON.stringify(up)})`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  const bySource = (rows: { metric: Record<string, string>; value: number }[]) =>
    Object.fromEntries(rows.map((r) => [r.metric.source, r.value]));

  it('stores values equal to the collector snapshot', async () => {
    await scraped();
    const snapshot = hub.snapshot();
    const latest = Object.fromEntries(snapshot.series.map((s) => [s.sourceId, s.points.at(-1)!.viewers]));
    expect(bySource(await prometheus.query('streamwatch_viewers'))).toEqual(latest);

    const up = Object.fromEntries(snapshot.sources.map((s) => [s.id, s.health.status === 'ok' ? 1 : 0]));
    expect(bySource(await prometheus.query('streamwatch_source_up'))).toEqual(up);

    const lastOk = Object.fromEntries(snapshot.sources.map((s) => [s.id, s.lastOkAt! / 1000]));
    expect(bySource(await prometheus.query('streamwatch_source_last_success_timestamp_seconds'))).toEqual(lastOk);

    const remaining = Object.fromEntries(
      snapshot.sources.filter((s) => s.rateLimit).map((s) => [s.id, s.rateLimit!.remaining]),
    );
    expect(bySource(await prometheus.query('streamwatch_rate_limit_remaining'))).toEqual(remaining);

    const sessions = snapshot.sessions.filter((s) => s.sourceId === 'main-live');
    expect(bySource(await prometheus.query('streamwatch_sessions_started_total'))).toEqual({
      'main-live': sessions.length,
    });
    expect(bySource(await prometheus.query('streamwatch_session_failures_total'))).toEqual({
      'main-live': sessions.filter((s) => s.failed).length,
    });

    const share = sessionFigures(sessions, NOW - 5 * 60_000, NOW).rebufferingShare;
    expect(bySource(await prometheus.query('streamwatch_rebuffering_ratio'))).toEqual({ 'main-live': share });

    const firing = await prometheus.query('streamwatch_incidents_firing > 0');
    expect(firing.map((r) => [r.metric.rule, r.metric.severity, r.value])).toEqual([['source-failing', 'warning', 1]]);

    const build = await prometheus.query('streamwatch_build_info');
    expect(build.map((r) => r.metric.version)).toEqual(['0.1.0']);
    // Process metrics come along, so the host's health is in the same place.
    expect((await prometheus.query('process_resident_memory_bytes')).length).toBe(1);
  });

  it('passes promtool check metrics, in the text format', async () => {
    const answer = await fetch(`${server.url}metrics`);
    expect(answer.headers.get('content-type')).toContain('version=0.0.4');
    const { code, output } = promtool(['check', 'metrics'], await answer.text());
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('answers OpenMetrics to a client that asks for it', async () => {
    const answer = await fetch(`${server.url}metrics`, {
      headers: { accept: 'application/openmetrics-text; version=1.0.0' },
    });
    expect(answer.headers.get('content-type')).toContain('application/openmetrics-text');
    expect((await answer.text()).trimEnd().endsWith('# EOF')).toBe(true);
  });
});
