import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../main/engine/alerts/default-rules';
import { createCollectorMetrics } from '../../../main/metrics/collector-metrics';
import { endpointLabel } from '../../../main/metrics/endpoint-label';
import { meteredHttp } from '../../../main/metrics/metered-http';
import { ok } from '@shared/result';
import { NOW, firingIncident, metricsHub } from '../../support/metrics-hub';
import { session } from '../../support/samples';

const viewerMetrics = [
  {
    provider: 'conviva',
    metric: { label: 'Concurrent plays', unit: 'concurrent plays' as const, definition: 'plays in progress now' },
  },
  {
    provider: 'zoom-video-sdk',
    metric: { label: 'Zoom participants', unit: 'participants' as const, definition: 'people in sessions now' },
  },
];

function metricsOf(hub = metricsHub()) {
  return {
    hub,
    metrics: createCollectorMetrics({
      hub,
      now: () => NOW,
      version: '9.9.9',
      viewerMetrics,
      incidents: () => [firingIncident()],
      rules: () => DEFAULT_RULES,
      processMetrics: false,
    }),
  };
}

/** The value of one sample line, found by its name and labels as written. */
function sample(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('collector metrics', () => {
  it('serves the text format 0.0.4 with values equal to the hub snapshot', async () => {
    const { metrics } = metricsOf();
    const { contentType, body } = await metrics.render('text/plain');
    expect(contentType).toContain('text/plain; version=0.0.4');
    expect(sample(body, 'streamwatch_viewers{source="main-live",provider="conviva"}')).toBe(1234);
    expect(sample(body, 'streamwatch_viewers{source="events",provider="api-video"}')).toBe(42);
    expect(sample(body, 'streamwatch_source_up{source="main-live",provider="conviva"}')).toBe(1);
    expect(sample(body, 'streamwatch_source_up{source="events",provider="api-video"}')).toBe(0);
    expect(
      sample(body, 'streamwatch_source_last_success_timestamp_seconds{source="main-live",provider="conviva"}'),
    ).toBe((NOW - 60_000) / 1000);
    expect(sample(body, 'streamwatch_rate_limit_remaining{source="main-live",provider="conviva"}')).toBe(873);
    expect(sample(body, 'streamwatch_sessions_started_total{source="main-live",provider="conviva"}')).toBe(3);
    expect(sample(body, 'streamwatch_session_failures_total{source="main-live",provider="conviva"}')).toBe(1);
    // 4 s rebuffering of 100 s watched, over the two sessions that played.
    expect(sample(body, 'streamwatch_rebuffering_ratio{source="main-live",provider="conviva"}')).toBeCloseTo(0.04, 10);
    expect(sample(body, 'streamwatch_session_startup_seconds_count{source="main-live",provider="conviva"}')).toBe(2);
    expect(sample(body, 'streamwatch_session_startup_seconds_sum{source="main-live",provider="conviva"}')).toBe(4);
    expect(sample(body, 'streamwatch_incidents_firing{rule="source-failing",severity="warning"}')).toBe(1);
    expect(sample(body, 'streamwatch_incidents_firing{rule="auth-failing",severity="critical"}')).toBe(0);
    expect(sample(body, 'streamwatch_build_info{version="9.9.9"}')).toBe(1);
    // Each platform's own measure is named in the HELP line.
    expect(body).toMatch(
      /# HELP streamwatch_viewers .*conviva: Concurrent plays \(plays in progress now\).*zoom-video-sdk: Zoom participants/,
    );
  });

  it('serves OpenMetrics when the Accept header asks for it', async () => {
    const { metrics } = metricsOf();
    const { contentType, body } = await metrics.render(
      'application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5',
    );
    expect(contentType).toContain('application/openmetrics-text');
    expect(body.trimEnd().endsWith('# EOF')).toBe(true);
    expect(body).toContain('streamwatch_sessions_started_total{source="main-live",provider="conviva"} 3');
  });

  it('never puts a session or viewer id in a label', async () => {
    const { metrics } = metricsOf();
    const { body } = await metrics.render(undefined);
    expect(body).not.toContain('SESSION-SECRET');
    expect(body).not.toContain('VIEWER-SECRET');
  });

  it('counts a re-sent session once and its later failure once', async () => {
    const { hub, metrics } = metricsOf();
    const again = session('main-live', 'SESSION-SECRET-1', {
      startedAt: NOW - 60_000,
      startupTimeMs: 1500,
      failed: true,
    });
    hub.applySample('main-live', { sessions: [again] });
    hub.applySample('main-live', { sessions: [{ ...again, endedAt: NOW }] });
    const { body } = await metrics.render(undefined);
    expect(sample(body, 'streamwatch_sessions_started_total{source="main-live",provider="conviva"}')).toBe(3);
    expect(sample(body, 'streamwatch_session_failures_total{source="main-live",provider="conviva"}')).toBe(2);
  });

  it('drops a removed source from every metric', async () => {
    const { hub, metrics } = metricsOf();
    hub.removeSource('main-live');
    const { body } = await metrics.render(undefined);
    expect(body).not.toContain('source="main-live"');
  });

  it('counts platform requests by provider, endpoint and status, with ids folded away', async () => {
    const { metrics } = metricsOf();
    let clock = 0;
    const inner = { send: async () => ok({ status: 200, headers: new Headers(), text: '{}' }) };
    const http = meteredHttp(
      inner,
      'api-video',
      (r) => metrics.observeRequest(r),
      () => (clock += 250),
    );
    await http.send({
      url: 'https://ws.api.video/analytics/videos/vi4blUQJFrYWbaG44NChkH27/metrics?from=2024-01-01&apiKey=K',
    });
    const { body } = await metrics.render(undefined);
    expect(
      sample(
        body,
        'streamwatch_api_requests_total{provider="api-video",endpoint="/analytics/videos/:id/metrics",code="200"}',
      ),
    ).toBe(1);
    expect(
      sample(
        body,
        'streamwatch_api_request_duration_seconds_sum{provider="api-video",endpoint="/analytics/videos/:id/metrics"}',
      ),
    ).toBe(0.25);
    expect(body).not.toContain('apiKey');
  });
});

describe('endpoint labels', () => {
  it.each([
    ['https://x.example/v1/sessions?limit=10', '/v1/sessions'],
    ['https://x.example/v2/users/1234/channels/abc', '/v2/users/:id/channels/abc'],
    ['https://x.example/logs/2024-05-01/a%20b', '/logs/:id/:id'],
    ['not a url', 'unknown'],
  ])('%s → %s', (url, label) => expect(endpointLabel(url)).toBe(label));
});
