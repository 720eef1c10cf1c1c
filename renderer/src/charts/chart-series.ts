import type { ViewerPoint } from '@shared/model/samples';
import type { SourceState } from '@shared/model/state';

/** One line of the viewers chart, as the panel hands it to the chart, the legend and the CSV export. */
export interface ChartSeries {
  readonly source: SourceState;
  readonly color: string;
  readonly points: readonly ViewerPoint[];
  readonly hidden: boolean;
  /** Drawn dashed: the newest data is older than twice the poll interval. */
  readonly stale: boolean;
  /** The spacing gaps are judged by: the poll interval for readings, the bucket for stored tiers. */
  readonly intervalMs?: number;
  /** A baseline drawn behind the live line: the same source a day or a week earlier, moved forward. */
  readonly overlay?: 'yesterday' | 'last week';
}
