import type { SoakResult } from '../engine/soak';
import { judge, type Row } from '../support/result';
import { round, summarize } from '../support/stats';

/**
 * Figure 5: heap after GC of a process holding only the engine (createEngine
 * with every default) and its ten simulators, read at every simulated hour of
 * the soak (bench/engine/soak.ts), three reads each after two full GCs.
 * The growth figure is h(24) ÷ h(12) − 1; its spread is the same ratio for
 * every 12-hour window ending at hours 12…24.
 */
const TOTAL_LIMIT_MB = 150;
const GROWTH_LIMIT = 0.05;
const MB = 1024 * 1024;

const median = (reads: readonly number[]) => summarize(reads).median;

export function figure5(soak: SoakResult): Row[] {
  const hours = soak.hours;
  const at = (hour: number) => median(soak.heapByHour[hour]!);
  const last = soak.heapByHour[hours]!.map((bytes) => bytes / MB);
  const first = soak.heapByHour[1]!.map((bytes) => bytes / MB);
  const half = Math.floor(hours / 2);
  const growths: number[] = [];
  for (let end = half; end <= hours; end++) if (end - half >= 1) growths.push(at(end) / at(end - half) - 1);
  const growth = at(hours) / at(hours - half) - 1;
  const full = hours >= 24;
  const note = full ? [] : [`only ${hours} simulated hours (--soak-hours): not the figure's 24`];
  const curve = soak.heapByHour
    .map((reads, hour) => (hour % 3 === 0 ? `${hour} h ${round(median(reads) / MB, 1)}` : null))
    .filter(Boolean);
  return [
    {
      id: '5a',
      figure: 5,
      title: `engine heap after ${hours} simulated hours, 10 sources, default intervals`,
      unit: 'MB heapUsed after GC',
      value: summarize(last),
      baseline: { label: 'heap after the first simulated hour', value: summarize(first), unit: 'MB' },
      budget: `total < ${TOTAL_LIMIT_MB} MB`,
      compared: { label: 'median, MB', value: round(summarize(last).median, 1), limit: TOTAL_LIMIT_MB },
      status: full ? judge(summarize(last).median, TOTAL_LIMIT_MB - 1e-9) : 'skipped',
      notes: [
        ...note,
        `heap by hour (MB): ${curve.join(', ')}`,
        `held at the end: ${soak.held.sessions.toLocaleString('en-US')} sessions (the hub's cap reached at hour ${soak.sessionsByHour.findIndex((n) => n >= 10_000) + 1 || 'never'}), series of ${soak.held.seriesPoints.join('/')} points; soak took ${round(soak.wallMs / 1000, 0)} s`,
      ],
    },
    {
      id: '5b',
      figure: 5,
      title: `engine heap growth over the last ${half} simulated hours`,
      unit: '% growth per 12 h window',
      value: summarize(growths.map((g) => g * 100)),
      baseline: null,
      budget: `< ${GROWTH_LIMIT * 100} %`,
      compared: {
        label: `h${hours} ÷ h${hours - half} − 1, %`,
        value: round(growth * 100, 2),
        limit: GROWTH_LIMIT * 100,
      },
      status: full ? (growth < GROWTH_LIMIT ? 'pass' : 'fail') : 'skipped',
      notes: [
        ...note,
        'value: growth of every window of that length ending at each later hour; compared: the last one',
      ],
    },
  ];
}
