import { isoTime, toCsv } from '../export/csv';
import { pointsSince } from './series';
import type { ChartSeries } from './chart-series';

/**
 * The chart's data as CSV: the points of the lines that are shown, over the
 * range that is shown. One row per point (long format), each with the
 * platform's own measure, because the lines count different things.
 */
export function chartCsv(series: readonly ChartSeries[], from: number, to: number): string {
  const rows: Array<Array<string | number>> = [];
  for (const entry of series) {
    if (entry.hidden) continue;
    for (const point of pointsSince(entry.points, from)) {
      if (point.at < from || point.at > to) continue;
      rows.push([
        isoTime(point.at),
        entry.source.id,
        entry.source.name,
        entry.source.providerLabel,
        entry.source.metric.label,
        entry.source.metric.unit,
        point.viewers,
      ]);
    }
  }
  return toCsv(['time', 'source_id', 'source', 'platform', 'measure', 'unit', 'value'], rows);
}
