import type { Incident } from '@shared/model/alerts';
import { createStateHub, type WritableStateHub } from '../../main/engine/state-hub';
import { point, session } from './samples';

/** A fixed time, so ratios over "the last 5 minutes" never depend on the clock. */
export const NOW = 1_700_000_300_000;

/**
 * A hub in a known state, as a collector would hold it: two sources of
 * different platforms, one healthy with sessions, one failing with a
 * rate-limit report. Session and viewer ids are chosen to be recognisable,
 * so tests can prove they never leak into /metrics.
 */
export function metricsHub(): WritableStateHub {
  const hub = createStateHub({ now: () => NOW });
  hub.registerSource({
    id: 'main-live',
    name: 'Main live',
    provider: 'conviva',
    providerLabel: 'Conviva',
    metric: { label: 'Concurrent plays', unit: 'concurrent plays', definition: 'plays now' },
    demo: false,
    intervalMs: 60_000,
  });
  hub.registerSource({
    id: 'events',
    name: 'Events',
    provider: 'api-video',
    providerLabel: 'api.video',
    metric: { label: 'Viewers', unit: 'viewers', definition: 'viewers now' },
    demo: false,
    intervalMs: 30_000,
  });
  const started = NOW - 60_000;
  hub.applySample('main-live', {
    viewers: [point(NOW - 120_000, 1200), point(NOW - 60_000, 1234)],
    sessions: [
      session('main-live', 'SESSION-SECRET-1', {
        startedAt: started,
        startupTimeMs: 1500,
        rebufferingMs: 3_000,
        playingMs: 57_000,
        viewerId: 'VIEWER-SECRET-1',
      }),
      session('main-live', 'SESSION-SECRET-2', {
        startedAt: started,
        startupTimeMs: 2500,
        rebufferingMs: 1_000,
        playingMs: 39_000,
      }),
      session('main-live', 'SESSION-SECRET-3', {
        startedAt: started,
        failed: true,
        startupTimeMs: null,
        rebufferingMs: null,
        playingMs: null,
      }),
    ],
    rateLimit: { limit: 1000, remaining: 873, resetAt: NOW + 30_000 },
  });
  hub.setHealth('main-live', { status: 'ok' }, NOW - 60_000);
  hub.applySample('events', { viewers: [point(NOW - 30_000, 42)] });
  hub.setHealth(
    'events',
    { status: 'error', error: { kind: 'http', message: 'api.video answered 500.', status: 500 }, since: NOW - 10_000 },
    NOW - 90_000,
  );
  return hub;
}

export function firingIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    key: 'source-failing:events',
    ruleId: 'source-failing',
    sourceId: 'events',
    sourceName: 'Events',
    severity: 'warning',
    state: 'firing',
    startedAt: NOW - 5_000,
    endedAt: null,
    values: {},
    message: 'Events · API failing — api.video answered 500.',
    acknowledged: false,
    snoozedUntil: null,
    ...overrides,
  };
}
