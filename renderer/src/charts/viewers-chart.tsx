import { useEffect, useRef } from 'react';
import type { ChartDataset, TooltipItem } from 'chart.js';
import { formatClock, formatCount } from '../components/format';
import { useColorScheme } from '../use-color-scheme';
import { Chart } from './chart-setup';
import { cssVar } from './palette';
import { chartData, loneReadingRadius, pointsInRange, readingsInRange, type ChartPoint } from './series';
import { applyAxes } from './viewers-axes';
import { bucketFor, lineWidth } from './density';
import type { ChartSeries } from './chart-series';

export type { ChartSeries } from './chart-series';

interface Props {
  readonly series: readonly ChartSeries[];
  readonly now: number;
  readonly rangeMs: number;
  readonly description: string;
  /** Type size for axes and tooltips: larger on the wall board. */
  readonly fontSize: number;
}

type LineChart = Chart<'line', ChartPoint[]>;
type LineDataset = ChartDataset<'line', ChartPoint[]>;

/**
 * The live viewers chart. The Chart is created once and updated in place:
 * re-creating it on every patch would flicker, drop hover state and cost a
 * full layout each second. Dataset objects are kept per source so chart.js
 * keeps its per-dataset state (hover, decimation caches) across updates.
 */
export function ViewersChart({ series, now, rangeMs, description, fontSize }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<LineChart | null>(null);
  const datasets = useRef(new Map<string, LineDataset>());
  // Read by the tooltip callbacks, which chart.js calls long after a render.
  const shown = useRef<readonly ChartSeries[]>([]);
  const scheme = useColorScheme();

  useEffect(() => {
    const title = (items: TooltipItem<'line'>[]): string => (items[0] ? formatClock(items[0].parsed.x) : '');
    const label = (item: TooltipItem<'line'>): string => {
      const entry = shown.current[item.datasetIndex];
      if (!entry) return '';
      const name = entry.overlay ? `${entry.source.name} (${entry.overlay})` : entry.source.name;
      return `${name}: ${formatCount(item.parsed.y)} ${entry.source.metric.unit}`;
    };
    const detail = (item: TooltipItem<'line'>): string => {
      const entry = shown.current[item.datasetIndex];
      return entry
        ? `${entry.source.providerLabel} · ${entry.source.metric.label}${entry.stale ? ' · STALE' : ''}`
        : '';
    };
    const chart: LineChart = new Chart(canvasRef.current!, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        elements: { point: { radius: 0, hoverRadius: 4, hitRadius: 6 }, line: { tension: 0 } },
        plugins: {
          // min-max keeps the nulls that mark gaps (they sort below every count), LTTB would smooth them away.
          decimation: { enabled: true, algorithm: 'min-max' },
          tooltip: { callbacks: { title, label, afterLabel: detail } },
        },
        scales: { x: { type: 'linear' } },
      },
    });
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    // Drawn in the frame after the one that applied the update: the update's
    // DOM work and the chart's few milliseconds then fit a frame each, instead
    // of together overrunning one. Changes within a frame cost one draw.
    const frame = requestAnimationFrame(() => {
      shown.current = series;
      drawChart(chart, datasets.current, series, now - rangeMs, now, fontSize);
    });
    return () => cancelAnimationFrame(frame);
  }, [series, now, rangeMs, scheme, fontSize]);

  return (
    <div className="chart-box">
      <canvas ref={canvasRef} role="img" aria-label={description} data-testid="viewers-chart" />
    </div>
  );
}

function drawChart(
  chart: LineChart,
  datasets: Map<string, LineDataset>,
  series: readonly ChartSeries[],
  from: number,
  to: number,
  fontSize: number,
): void {
  const next: LineDataset[] = [];
  const live = new Set<string>();
  const bucketMs = bucketFor(to - from, chart.width);
  for (const entry of series) {
    const id = entry.overlay ? `${entry.source.id}\u0000${entry.overlay}` : entry.source.id;
    live.add(id);
    const dataset = datasets.get(id) ?? ({ data: [] } as unknown as LineDataset);
    datasets.set(id, dataset);
    dataset.label = entry.overlay ? `${entry.source.name} · ${entry.overlay}` : entry.source.name;
    dataset.data = chartData(entry.points, entry.intervalMs ?? entry.source.intervalMs, bucketMs);
    dataset.borderWidth = lineWidth(pointsInRange(dataset.data, from, to), chart.width);
    dataset.pointRadius = loneReadingRadius(dataset.data);
    dataset.backgroundColor = entry.color;
    // Stale: long dashes. A baseline: short dots, thinner and faint, so it reads as "usual", not as now.
    dataset.borderDash = entry.overlay ? [2, 3] : entry.stale ? [6, 4] : [];
    if (entry.overlay) dataset.borderWidth = 1;
    dataset.borderColor = entry.overlay ? `${entry.color}99` : entry.color;
    dataset.spanGaps = false;
    dataset.hidden = entry.hidden;
    dataset.yAxisID = `y-${entry.source.metric.unit}`;
    next.push(dataset);
  }
  for (const id of datasets.keys()) if (!live.has(id)) datasets.delete(id);
  chart.data.datasets = next;
  applyAxes(chart, series, from, to, {
    text: cssVar('--fg-muted', '#666'),
    grid: cssVar('--grid', 'rgba(0,0,0,0.08)'),
    fontSize,
  });
  chart.update('none');
  // A canvas shows nothing a test or a tool can read: say how many readings it shows, and each line's newest.
  const shownReadings = series.reduce(
    (sum, entry) => (entry.hidden || entry.overlay ? sum : sum + readingsInRange(entry.points, from, to)),
    0,
  );
  chart.canvas.dataset.points = String(shownReadings);
  const newest: Record<string, number> = {};
  series.forEach((entry, index) => {
    const last = next[index]!.data.findLast((point) => point.y !== null && point.x <= to);
    if (!entry.hidden && !entry.overlay && last) newest[entry.source.id] = last.x;
  });
  chart.canvas.dataset.newest = JSON.stringify(newest);
}
