import { ViewersDrawing, type DrawLine } from './chart-draw';

const MINUTE = 60_000;

/**
 * Builds and draws a throwaway chart on a canvas of its own. The first chart
 * chart.js makes in a fresh thread costs about 100 ms more than any after it
 * (its code is compiled as it first runs), and on a cold start that came
 * after the page had handed over its canvas: on the way to the first point
 * shown. The worker runs this while it waits for the page, which is still
 * loading its views and its first snapshot then.
 */
export function warmUpChart(now: number): void {
  const points = Array.from({ length: 60 }, (_, i) => ({ at: now - (60 - i) * MINUTE, viewers: 100 + (i % 7) }));
  const line = (key: string, stale: boolean, overlay: boolean): DrawLine => ({
    key,
    sourceId: key,
    label: key,
    tooltipName: key,
    tooltipDetail: key,
    unit: 'viewers',
    color: '#336699',
    overlay,
    stale,
    hidden: false,
    intervalMs: MINUTE,
    points,
  });
  const drawing = new ViewersDrawing(new OffscreenCanvas(480, 240), true, 1);
  try {
    // A plain line, a stale one and a baseline: each is drawn its own way.
    const lines = [
      line('warm-up', false, false),
      line('warm-up stale', true, false),
      line('warm-up base', false, true),
    ];
    drawing.draw(lines, now - 60 * MINUTE, now, { text: '#666', grid: '#eee', fontSize: 12 });
  } finally {
    drawing.chart.destroy();
  }
}
