import { noise, viewersAt, type Scenario } from '../scenario';
import type { SimResponse } from '../sim-server';
import { DEVICES } from './sessions';

/** `GET /real-time-metrics/concurrent-plays[/group-by/<dimension>]`: a series that follows the scenario. */

const GRANULARITIES: Record<string, number> = {
  PT10S: 10_000,
  PT15S: 15_000,
  PT20S: 20_000,
  PT30S: 30_000,
  PT1M: 60_000,
};

/** Values of each group-by dimension the simulator offers, with their usual share of the audience. */
const GROUPS: Record<string, ReadonlyArray<readonly [string, number]>> = {
  device: [
    ['Mobile', 0.42],
    ['Desktop', 0.26],
    ['Smart TV', 0.22],
    ['Tablet', 0.1],
  ],
  'device-os': [...new Set(DEVICES.map((d) => d.os))].map((os, i) => [os, 1 / (i + 2)] as const),
  cdn: [
    ['Akamai', 0.5],
    ['Fastly', 0.3],
    ['CloudFront', 0.2],
  ],
};

export interface RealtimeOptions {
  readonly scenario: Scenario;
  readonly viewerKey: string | number;
  readonly now: number;
}

export function answerRealtime(
  query: URLSearchParams,
  dimension: string | null,
  options: RealtimeOptions,
): SimResponse {
  const minutesText = query.get('minutes') ?? '5';
  const minutes = /^\d+$/.test(minutesText) ? Number(minutesText) : NaN;
  if (!(minutes >= 1 && minutes <= 15)) {
    return { status: 400, body: { message: 'Invalid parameter minutes: must be between 1 and 15' } };
  }
  const granularityText = query.get('granularity') ?? 'PT1M';
  const step = GRANULARITIES[granularityText];
  if (!step) return { status: 400, body: { message: `Invalid parameter granularity: ${granularityText}` } };
  const groups = dimension === null ? null : GROUPS[dimension];
  if (groups === undefined) return { status: 400, body: { message: `Unsupported group-by dimension: ${dimension}` } };

  const last = Math.floor(options.now / step) * step;
  const count = Math.max(1, Math.floor((minutes * 60_000) / step));
  const series = [];
  for (let i = count - 1; i >= 0; i--) {
    const at = last - i * step;
    const total = viewersAt(options.scenario, at, options.viewerKey);
    const timestamp = { epoch_ms: at, iso_date: new Date(at).toISOString() };
    series.push(
      groups
        ? {
            timestamp,
            dimensional_data: split(total, groups, options.scenario.seed, at).map(([value, n]) =>
              row(dimension!, value, n),
            ),
          }
        : { timestamp, concurrent_plays: { count: total } },
    );
  }
  const latest = viewersAt(options.scenario, last, options.viewerKey);
  return { status: 200, body: { time_series: series, total: { concurrent_plays: { count: latest } } } };
}

function row(key: string, value: string, count: number) {
  return { dimension: { key, value }, metrics: { concurrent_plays: { count } } };
}

/** Shares wobble a little per point; largest remainders make the rows add up to the total exactly. */
export function split(
  total: number,
  groups: ReadonlyArray<readonly [string, number]>,
  seed: number,
  at: number,
): Array<[string, number]> {
  const weights = groups.map(([value, share]) => share * (0.9 + 0.2 * noise(seed, 'share', value, at)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return groups.map(([value], i) => [value, counts[i] ?? 0]);
}
