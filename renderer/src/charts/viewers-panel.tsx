import { useCallback, useMemo, useState } from 'react';
import type { Snapshot } from '@shared/model/state';
import { exportFileName } from '../export/csv';
import { downloadCsv } from '../export/download';
import { Segmented } from '../components/segmented';
import { isReadingStale } from '../features/health/freshness';
import { useConnected } from '../state/connected';
import { chartCsv } from './chart-csv';
import { ChartLegend } from './chart-legend';
import { colorFor } from './palette';
import { chartClock, RANGES } from './ranges';
import { ViewersChart, type ChartSeries } from './viewers-chart';
import { useStoredSeries } from './use-stored-series';

const DAY = 86_400_000;
const RANGE_CHOICES = [...RANGES, { id: 'custom', label: 'Custom…' }];
const MAX_CUSTOM_MS = 90 * DAY;

/** "2026-12-05T09:30" in local time, as a datetime-local input wants it. */
function localInput(at: number): string {
  return new Date(at - new Date(at).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const BASELINES = [
  { id: 'yesterday', label: 'Yesterday', offsetMs: DAY },
  { id: 'last week', label: 'Last week', offsetMs: 7 * DAY },
] as const;
type BaselineId = (typeof BASELINES)[number]['id'];

interface Props {
  readonly snapshot: Snapshot;
  readonly now: number;
  readonly large?: boolean;
}

/** The chart with its range buttons, legend toggles and the note on what the lines measure. */
export function ViewersPanel({ snapshot, now, large = false }: Props) {
  const connected = useConnected();
  const [rangeId, setRangeId] = useState('1h');
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [baselines, setBaselines] = useState<ReadonlySet<BaselineId>>(new Set());
  const [custom, setCustom] = useState(() => ({ from: localInput(now - 2 * DAY), to: localInput(now) }));
  const customFrom = new Date(custom.from).getTime();
  const customTo = new Date(custom.to).getTime();
  const customProblem =
    rangeId !== 'custom'
      ? null
      : !(customTo > customFrom)
        ? 'The range ends before it starts.'
        : customTo - customFrom > MAX_CUSTOM_MS
          ? 'A range is at most 90 days.'
          : null;
  const range =
    rangeId === 'custom' && customProblem === null
      ? { id: 'custom', label: 'chosen range', ms: customTo - customFrom, stored: true }
      : (RANGES.find((r) => r.id === rangeId) ?? RANGES[1]!);
  const chartNow = chartClock(now, range.ms);
  // Stored history is asked for once a minute, not on every tick of the clock; a custom range ends where it was set.
  const minute = range.id === 'custom' ? customTo : Math.ceil(now / 60_000) * 60_000;
  /** The right edge of what is drawn (and exported). */
  const end = range.stored ? minute : now;
  const visibleIds = useMemo(
    () => snapshot.sources.filter((s) => !hidden.has(s.id)).map((s) => s.id),
    [snapshot.sources, hidden],
  );
  const stored = useStoredSeries(visibleIds, minute - range.ms, minute, 0, range.stored === true);
  const yesterday = useStoredSeries(visibleIds, minute - range.ms, minute, DAY, baselines.has('yesterday'));
  const lastWeek = useStoredSeries(visibleIds, minute - range.ms, minute, 7 * DAY, baselines.has('last week'));
  const live = useMemo(() => new Map(snapshot.series.map((s) => [s.sourceId, s.points])), [snapshot.series]);
  const pointsBySource = range.stored ? stored.points : live;
  const newestAt = (sourceId: string) => live.get(sourceId)?.at(-1)?.at ?? null;
  // Which lines are stale, as a key: the series are made again when one turns stale, not every second.
  const staleKey = snapshot.sources
    .filter((source) => !connected || isReadingStale(source, newestAt(source.id), now))
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
      // Raw readings (a short custom range) keep the poll interval; a tier its bucket length.
      intervalMs: range.stored && stored.tierMs > 0 ? stored.tierMs : undefined,
    }));
  }, [pointsBySource, snapshot.sources, hidden, staleKey, range.stored, stored.tierMs]);

  const overlays = useMemo((): ChartSeries[] => {
    const made: ChartSeries[] = [];
    for (const [id, answer] of [
      ['yesterday', yesterday],
      ['last week', lastWeek],
    ] as const) {
      if (!baselines.has(id)) continue;
      for (const line of series) {
        if (line.hidden) continue;
        const points = answer.points.get(line.source.id) ?? [];
        made.push({ ...line, points, stale: false, overlay: id, intervalMs: answer.tierMs || undefined });
      }
    }
    return made;
  }, [series, baselines, yesterday, lastWeek]);
  const toggleBaseline = (id: BaselineId) =>
    setBaselines((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const problem = [stored, yesterday, lastWeek].find((answer) => answer.error !== null)?.error ?? null;

  const units = [...new Set(snapshot.sources.map((s) => s.metric.unit))];
  // Stable, so the legend's memoised entries skip an update that did not touch their source.
  const toggle = useCallback(
    (id: string) =>
      setHidden((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const description = `Viewers over the last ${range.label}: ${series
    .filter((s) => !s.hidden)
    .map((s) => `${s.source.name} (${s.source.metric.label})`)
    .join(', ')}`;

  return (
    <section className="panel viewers-panel" aria-labelledby="viewers-heading">
      <header className="panel-head">
        <h2 id="viewers-heading">Live audience</h2>
        <Segmented label="Time range" options={RANGE_CHOICES} value={rangeId} onChange={setRangeId} />
        {large ? null : (
          <div className="baseline-toggles" role="group" aria-label="Compare with">
            {BASELINES.map((baseline) => (
              <button
                key={baseline.id}
                type="button"
                aria-pressed={baselines.has(baseline.id)}
                title={`Draw each line as it was ${baseline.id === 'yesterday' ? 'a day' : 'a week'} earlier, dotted, from stored history`}
                onClick={() => toggleBaseline(baseline.id)}
              >
                {baseline.label}
              </button>
            ))}
          </div>
        )}
        {large ? null : (
          <button
            type="button"
            aria-label="Export CSV of the chart data"
            title="The points of the lines shown, over the range shown"
            onClick={() => downloadCsv(exportFileName('viewers', now), chartCsv(series, end - range.ms, end))}
          >
            Export CSV
          </button>
        )}
      </header>
      {rangeId === 'custom' ? (
        <div className="custom-range">
          <label>
            From{' '}
            <input
              type="datetime-local"
              value={custom.from}
              onChange={(e) => setCustom({ ...custom, from: e.currentTarget.value })}
            />
          </label>
          <label>
            To{' '}
            <input
              type="datetime-local"
              value={custom.to}
              onChange={(e) => setCustom({ ...custom, to: e.currentTarget.value })}
            />
          </label>
          {customProblem ? (
            <span className="note note-error" role="alert">
              {customProblem}
            </span>
          ) : null}
        </div>
      ) : null}
      <ViewersChart
        series={overlays.length > 0 ? [...series, ...overlays] : series}
        now={range.stored ? minute : chartNow}
        rangeMs={range.ms}
        description={description}
        fontSize={large ? 18 : 12}
      />
      <ChartLegend series={series} onToggle={toggle} />
      {problem ? (
        <p className="note note-error" role="alert">
          Stored history could not be read: {problem}
        </p>
      ) : stored.loading && range.stored ? (
        <p className="note" role="status">
          Reading {range.label} of stored history…
        </p>
      ) : null}
      {baselines.size > 0 ? (
        <p className="note">
          Dotted lines: the same sources {[...baselines].join(' and ')}, moved forward to line up with now.
        </p>
      ) : null}
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
