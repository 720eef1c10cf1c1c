import { memo } from 'react';
import type { ViewerPoint } from '@shared/model/samples';
import type { SourceState } from '@shared/model/state';
import { formatClock, formatCount } from '../components/format';
import type { ChartSeries } from './viewers-chart';

interface Props {
  readonly series: readonly ChartSeries[];
  readonly onToggle: (sourceId: string) => void;
}

/** The chart's legend as real buttons: reachable by keyboard, read by screen readers, one per source. */
export function ChartLegend({ series, onToggle }: Props) {
  return (
    <ul className="legend" aria-label="Series">
      {series.map((entry) => (
        <LegendItem
          key={entry.source.id}
          source={entry.source}
          color={entry.color}
          hidden={entry.hidden}
          stale={entry.stale}
          last={entry.points[entry.points.length - 1]}
          onToggle={onToggle}
        />
      ))}
    </ul>
  );
}

interface ItemProps {
  readonly source: SourceState;
  readonly color: string;
  readonly hidden: boolean;
  readonly stale: boolean;
  readonly last: ViewerPoint | undefined;
  readonly onToggle: (sourceId: string) => void;
}

/** Memoised: an update that brings one source's point re-renders that source's entry only. */
const LegendItem = memo(function LegendItem({ source, color, hidden, stale, last, onToggle }: ItemProps) {
  return (
    <li>
      <button
        type="button"
        className={`legend-item${hidden ? ' is-off' : ''}${stale ? ' is-stale' : ''}`}
        aria-pressed={!hidden}
        title={`${source.metric.definition}. Click to ${hidden ? 'show' : 'hide'} this line.`}
        onClick={() => onToggle(source.id)}
      >
        <span className={`swatch${stale ? ' swatch-dashed' : ''}`} style={{ borderColor: color }} aria-hidden="true" />
        <span className="legend-name">{source.name}</span>
        <span className="legend-value">
          {last ? `${formatCount(last.viewers)} ${source.metric.unit}` : 'no data'}
          {last ? <span className="muted"> · as of {formatClock(last.at)}</span> : null}
        </span>
        {stale ? <span className="tag tag-stale">STALE</span> : null}
      </button>
    </li>
  );
});
