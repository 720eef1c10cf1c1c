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
}
