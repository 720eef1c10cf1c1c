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
      {series.map((entry) => {
        const last = entry.points[entry.points.length - 1];
        return (
          <li key={entry.source.id}>
            <button
              type="button"
              className={`legend-item${entry.hidden ? ' is-off' : ''}${entry.stale ? ' is-stale' : ''}`}
              aria-pressed={!entry.hidden}
              title={`${entry.source.metric.definition}. Click to ${entry.hidden ? 'show' : 'hide'} this line.`}
              onClick={() => onToggle(entry.source.id)}
            >
              <span
                className={`swatch${entry.stale ? ' swatch-dashed' : ''}`}
                style={{ borderColor: entry.color }}
                aria-hidden="true"
              />
              <span className="legend-name">{entry.source.name}</span>
              <span className="legend-value">
                {last ? `${formatCount(last.viewers)} ${entry.source.metric.unit}` : 'no data'}
                {last ? <span className="muted"> · as of {formatClock(last.at)}</span> : null}
              </span>
              {entry.stale ? <span className="tag tag-stale">STALE</span> : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
