import type { Chart, Scale, ScaleOptionsByType } from 'chart.js';
import { tickLabel, timeTicks } from './time-ticks';
import type { ViewerMetric } from '@shared/model/source';

type Unit = ViewerMetric['unit'];

interface Look {
  readonly text: string;
  readonly grid: string;
  readonly fontSize: number;
}

/**
 * Axes (and tooltip type size) for the current series. One y axis per kind of number. NAVER viewers, Conviva concurrent plays and
 * Zoom participants are different measures: sharing one axis would invite
 * reading them as one quantity, and 5,000 plays would flatten 40 participants.
 */
export function applyAxes(
  chart: Chart<'line', unknown>,
  series: ReadonlyArray<{ readonly source: { readonly metric: Pick<ViewerMetric, 'unit'> }; readonly hidden: boolean }>,
  from: number,
  to: number,
  look: Look,
): void {
  const units: Unit[] = [];
  for (const entry of series)
    if (!entry.hidden && !units.includes(entry.source.metric.unit)) units.push(entry.source.metric.unit);
  const scales: Record<string, unknown> = {
    x: {
      // A plain number axis with our own clock ticks (time-ticks.ts): chart.js's time scale would
      // step through every minute of the range, with a date library, on each update.
      type: 'linear',
      min: from,
      max: to,
      afterBuildTicks: (scale: Scale) => {
        scale.ticks = timeTicks(scale.min, scale.max, scale.width).map((value) => ({ value }));
      },
      ticks: {
        color: look.text,
        maxRotation: 0,
        autoSkipPadding: 16,
        font: { size: look.fontSize },
        callback: (value: number | string) => tickLabel(Number(value)),
      },
      grid: { color: look.grid },
    },
  };
  const all: Unit[] = ['viewers', 'concurrent plays', 'participants'];
  for (const unit of all) {
    const index = units.indexOf(unit);
    const axis: Partial<ScaleOptionsByType<'linear'>> = {
      type: 'linear',
      display: index >= 0,
      position: index <= 0 ? 'left' : 'right',
      beginAtZero: true,
      title: {
        display: true,
        text: unit,
        color: look.text,
        font: { size: look.fontSize },
      } as ScaleOptionsByType<'linear'>['title'],
      ticks: { color: look.text, precision: 0, font: { size: look.fontSize } } as ScaleOptionsByType<'linear'>['ticks'],
      // Grid lines from the first axis only; a second set at other steps would be noise.
      grid: { color: look.grid, drawOnChartArea: index === 0 } as ScaleOptionsByType<'linear'>['grid'],
    };
    scales[`y-${unit}`] = axis;
  }
  chart.options.scales = scales as typeof chart.options.scales;
  const tooltip = chart.options.plugins?.tooltip;
  if (tooltip) {
    tooltip.titleFont = { size: look.fontSize + 1 };
    tooltip.bodyFont = { size: look.fontSize };
  }
}
