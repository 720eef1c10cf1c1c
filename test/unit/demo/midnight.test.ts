import { describe, expect, it } from 'vitest';
import { API_VIDEO_SIM_SCENARIO } from '../../../main/demo/api-video/handler';
import { DEFAULT_CONVIVA_SCENARIO } from '../../../main/demo/conviva/sim';
import { NAVER_SIM_SCENARIO } from '../../../main/demo/naver-vpe/sim';
import { DEMO_INCIDENTS, MINUTE, dailyShape, viewersAt, type Scenario } from '../../../main/demo/scenario';
import { DEFAULT_RULES } from '../../../main/engine/alerts/default-rules';
import { evaluate } from '../../../main/engine/alerts/evaluate';
import type { SourceState } from '@shared/model/state';

// A fixed night, not today's: the test means the same thing at any hour it runs.
const MIDNIGHT = Date.UTC(2026, 11, 5);

/** The demo sources' audiences, with the key each simulator asks the scenario with. */
const DEMO_AUDIENCES: ReadonlyArray<{ name: string; scenario: Scenario; key: string }> = [
  { name: 'naver-vpe', scenario: NAVER_SIM_SCENARIO, key: 'naver-vpe' },
  { name: 'api-video', scenario: API_VIDEO_SIM_SCENARIO, key: 'demo-medium' },
  { name: 'conviva', scenario: DEFAULT_CONVIVA_SCENARIO, key: 'conviva' },
  { name: 'zoom-video-sdk', scenario: { seed: 4004, peakViewers: 60, incidents: DEMO_INCIDENTS }, key: 'zoom' },
];

function source(id: string): SourceState {
  return {
    id,
    name: id,
    provider: 'naver-vpe',
    providerLabel: id,
    metric: { label: 'viewers', unit: 'viewers', definition: '' },
    demo: true,
    health: { status: 'ok' },
    lastOkAt: null,
    reportingDelayMs: 0,
    intervalMs: MINUTE,
    notes: [],
    rateLimit: null,
  };
}

describe('the demo audience at 00:00 UTC', () => {
  it('the daily curve is continuous across midnight', () => {
    const before = dailyShape(MIDNIGHT - 1);
    const after = dailyShape(MIDNIGHT);
    expect(Math.abs(before - after)).toBeLessThan(0.001);
  });

  for (const { name, scenario, key } of DEMO_AUDIENCES) {
    // 23:20 to 00:40 holds no scheduled viewer-drop (they run at 70 min into every second hour).
    const minutes = Array.from({ length: 81 }, (_, i) => MIDNIGHT + (i - 20) * MINUTE);
    const points = minutes.map((at) => ({ at, viewers: viewersAt(scenario, at, key) }));

    it(`${name}: no minute-to-minute step larger than the ordinary wobble`, () => {
      // The wobble is ±8 % around the curve, plus one viewer each side for rounding to whole viewers.
      for (let i = 1; i < points.length; i++) {
        const [a, b] = [points[i - 1]!.viewers, points[i]!.viewers];
        const ordinary = (1.08 / 0.92 - 1) * Math.min(a, b) + 2;
        expect(Math.abs(a - b), `at ${new Date(points[i]!.at).toISOString()}`).toBeLessThanOrEqual(ordinary);
      }
    });

    it(`${name}: the default rules fire no "Viewer drop" across midnight`, () => {
      const state = { sources: [source(name)], series: [{ sourceId: name, points }], sessions: [] };
      for (const { at } of points.slice(10)) {
        const firing = evaluate(
          DEFAULT_RULES,
          { ...state, series: [{ sourceId: name, points: points.filter((p) => p.at <= at) }] },
          at,
        )
          .filter((condition) => condition.level === 'firing')
          .map((condition) => condition.ruleId);
        expect(firing, `at ${new Date(at).toISOString()}`).not.toContain('viewer-drop');
      }
    });
  }
});
