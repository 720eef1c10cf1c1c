import type { ChartDataset, TooltipItem } from 'chart.js';
import type { ViewerPoint } from '@shared/model/samples';
import type { ViewerMetric } from '@shared/model/source';
import { formatClock, formatCount } from '../components/format';
import { Chart } from './chart-setup';
import { chartData, loneReadingRadius, pointsInRange, readingsInRange, type ChartPoint } from './series';
import { applyAxes } from './viewers-axes';
import { bucketFor, lineWidth } from './density';

/**
 * Drawing the viewers chart, with no DOM in reach: the same code runs in the
 * chart's worker (on an OffscreenCanvas) and, where a browser has no
 * OffscreenCanvas, on the page. Everything it needs arrives as plain data.
 */

/** One line as the page hands it over: what to draw and the words its tooltip shows. */
export interface DrawLine {
  /** The source id, with the overlay's name for a baseline. */
  readonly key: string;
  readonly sourceId: string;
  readonly label: string;
  readonly tooltipName: string;
  readonly tooltipDetail: string;
  readonly unit: ViewerMetric['unit'];
  readonly color: string;
  readonly overlay: boolean;
  readonly stale: boolean;
  readonly hidden: boolean;
  readonly intervalMs: number;
  readonly points: readonly ViewerPoint[];
}

export interface Look {
  readonly text: string;
  readonly grid: string;
  readonly fontSize: number;
}

/** What a draw put on the canvas, for the data-points and data-newest attributes. */
export interface Drawn {
  readonly points: number;
  readonly newest: Record<string, number>;
}

export type LineChart = Chart<'line', ChartPoint[]>;
type LineDataset = ChartDataset<'line', ChartPoint[]>;

/**
 * The chart, created once and updated in place: re-creating it on every patch
 * would flicker, drop hover state and cost a full layout each second. Dataset
 * objects are kept per line so chart.js keeps its per-dataset state (hover,
 * decimation caches) across updates.
 */
export class ViewersDrawing {
  readonly chart: LineChart;
  private readonly datasets = new Map<string, LineDataset>();
  private shown: readonly DrawLine[] = [];

  constructor(canvas: HTMLCanvasElement | OffscreenCanvas, inWorker: boolean, devicePixelRatio: number) {
    const title = (items: TooltipItem<'line'>[]): string => (items[0] ? formatClock(items[0].parsed.x) : '');
    const label = (item: TooltipItem<'line'>): string => {
      const line = this.shown[item.datasetIndex];
      return line ? `${line.tooltipName}: ${formatCount(item.parsed.y)} ${line.unit}` : '';
    };
    const detail = (item: TooltipItem<'line'>): string => this.shown[item.datasetIndex]?.tooltipDetail ?? '';
    // chart.js takes an OffscreenCanvas (its BasicPlatform), though its types name only the DOM element.
    this.chart = new Chart(canvas as HTMLCanvasElement, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        // A worker sees no layout: the page reports the box's size (resize()).
        responsive: !inWorker,
        maintainAspectRatio: false,
        devicePixelRatio,
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
  }

  draw(lines: readonly DrawLine[], from: number, to: number, look: Look): Drawn {
    const chart = this.chart;
    const next: LineDataset[] = [];
    const live = new Set<string>();
    const bucketMs = bucketFor(to - from, chart.width);
    for (const line of lines) {
      live.add(line.key);
      const dataset = this.datasets.get(line.key) ?? ({ data: [] } as unknown as LineDataset);
      this.datasets.set(line.key, dataset);
      dataset.label = line.label;
      dataset.data = chartData(line.points, line.intervalMs, bucketMs);
      dataset.borderWidth = lineWidth(pointsInRange(dataset.data, from, to), chart.width);
      dataset.pointRadius = loneReadingRadius(dataset.data);
      dataset.backgroundColor = line.color;
      // Stale: long dashes. A baseline: short dots, thinner and faint, so it reads as "usual", not as now.
      dataset.borderDash = line.overlay ? [2, 3] : line.stale ? [6, 4] : [];
      if (line.overlay) dataset.borderWidth = 1;
      dataset.borderColor = line.overlay ? `${line.color}99` : line.color;
      dataset.spanGaps = false;
      dataset.hidden = line.hidden;
      dataset.yAxisID = `y-${line.unit}`;
      next.push(dataset);
    }
    for (const key of this.datasets.keys()) if (!live.has(key)) this.datasets.delete(key);
    this.shown = lines;
    chart.data.datasets = next;
    applyAxes(
      chart,
      lines.map((line) => ({ source: { metric: { unit: line.unit } }, hidden: line.hidden })),
      from,
      to,
      look,
    );
    chart.update('none');
    // A canvas shows nothing a test or a tool can read: say how many readings it shows, and each line's newest.
    const points = lines.reduce(
      (sum, line) => (line.hidden || line.overlay ? sum : sum + readingsInRange(line.points, from, to)),
      0,
    );
    const newest: Record<string, number> = {};
    lines.forEach((line, index) => {
      const last = next[index]!.data.findLast((point) => point.y !== null && point.x <= to);
      if (!line.hidden && !line.overlay && last) newest[line.sourceId] = last.x;
    });
    return { points, newest };
  }
}
