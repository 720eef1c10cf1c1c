export interface ChartRange {
  readonly id: string;
  readonly label: string;
  readonly ms: number;
  /** Read from stored history rather than the live series the page holds. */
  readonly stored?: boolean;
}

export const RANGES: readonly ChartRange[] = [
  { id: '15m', label: '15 min', ms: 15 * 60_000 },
  { id: '1h', label: '1 h', ms: 60 * 60_000 },
  { id: '6h', label: '6 h', ms: 6 * 60 * 60_000 },
  { id: '24h', label: '24 h', ms: 24 * 60 * 60_000 },
  { id: '7d', label: '7 d', ms: 7 * 24 * 60 * 60_000, stored: true },
  { id: '30d', label: '30 d', ms: 30 * 24 * 60 * 60_000, stored: true },
  { id: '90d', label: '90 d', ms: 90 * 24 * 60 * 60_000, stored: true },
];

/**
 * The chart's "now", moved on in steps of about a pixel of a window-wide
 * chart: the axis of a 24-hour chart moves 0.01 px a second, and redrawing
 * ten lines for that each second would be work nobody sees.
 */
export function chartClock(now: number, rangeMs: number): number {
  const step = Math.max(1_000, Math.round(rangeMs / 1_000 / 1_000) * 1_000);
  return Math.ceil(now / step) * step;
}
