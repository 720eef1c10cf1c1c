import { useMemo, useState } from 'react';
import type { Snapshot } from '@shared/model/state';
import { exportFileName } from '../export/csv';
import { downloadCsv } from '../export/download';
import { Segmented } from '../components/segmented';
import { isStale } from '../features/health/freshness';
import { chartCsv } from './chart-csv';
import { ChartLegend } from './chart-legend';
import { colorFor } from './palette';
import { chartClock, RANGES } from './ranges';
import { ViewersChart, type ChartSeries } from './viewers-chart';

interface Props {
  readonly snapshot: Snapshot;
  readonly now: number;
  readonly large?: boolean;
}

/** The chart with its range buttons, legend toggles and the note on what the lines measure. */
export function ViewersPanel({ snapshot, now, large = false }: Props) {
  const [rangeId, setRangeId] = useState('1h');
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const range = RANGES.find((r) => r.id === rangeId) ?? RANGES[1]!;
  const chartNow = chartClock(now, range.ms);
  const pointsBySource = useMemo(() => new Map(snapshot.series.map((s) => [s.sourceId, s.points])), [snapshot.series]);
  const newestAt = (sourceId: string) => pointsBySource.get(sourceId)?.at(-1)?.at ?? null;
  // Which lines are stale, as a key: the series are made again when one turns stale, not every second.
  const staleKey = snapshot.sources
    .filter((source) => isStale(newestAt(source.id), source.intervalMs, now))
    .map((source) => source.id)
    .join('\n');

  const series = useMemo((): ChartSeries[] => {
    const stale = new Set(staleKey.split('\n'));
    return snapshot.sources.map((source, index) => ({
      source,
      color: colorFor(index),
      points: pointsBySource.get(source.id) ?? [],
      hidden: hidden.has(source.id),
      stale: stale.has(source.id),
    }));
  }, [pointsBySource, snapshot.sources, hidden, staleKey]);

  const units = [...new Set(snapshot.sources.map((s) => s.metric.unit))];
  const toggle = (id: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const description = `Viewers over the last ${range.label}: ${series
    .filter((s) => !s.hidden)
    .map((s) => `${s.source.name} (${s.source.metric.label})`)
    .join(', ')}`;

  return (
    <section className="panel viewers-panel" aria-labelledby="viewers-heading">
      <header className="panel-head">
        <h2 id="viewers-heading">Live audience</h2>
        <Segmented label="Time range" options={RANGES} value={range.id} onChange={setRangeId} />
        {large ? null : (
          <button
            type="button"
            aria-label="Export CSV of the chart data"
            title="The points of the lines shown, over the range shown"
            onClick={() => downloadCsv(exportFileName('viewers', now), chartCsv(series, now - range.ms, now))}
          >
            Export CSV
          </button>
        )}
      </header>
      <ViewersChart
        series={series}
        now={chartNow}
        rangeMs={range.ms}
        description={description}
        fontSize={large ? 18 : 12}
      />
      <ChartLegend series={series} onToggle={toggle} />
      {units.length > 1 ? (
        <p className="note">
          Each line is its platform's own measure ({units.join(', ')}), drawn against its own axis and never added
          together. Dashed lines are stale; breaks are periods with no data.
        </p>
      ) : (
        <p className="note">Dashed lines are stale; breaks are periods with no data.</p>
      )}
    </section>
  );
}
