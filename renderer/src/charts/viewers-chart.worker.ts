/// <reference lib="webworker" />
import type { ViewerPoint } from '@shared/model/samples';
import { ViewersDrawing, type DrawLine } from './chart-draw';
import { unpackPoints, type FromWorker, type ToWorker } from './chart-wire';
import { warmUpChart } from './chart-warm-up';

/**
 * The viewers chart's own thread: chart.js lays out and rasterises here, on
 * the OffscreenCanvas the page handed over, so an update costs the page's
 * main thread only the message, not the few milliseconds of drawing.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let drawing: ViewersDrawing | null = null;
/** Each line's points as last sent; a draw without points for a line keeps these. */
const held = new Map<string, readonly ViewerPoint[]>();

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'warm-up') {
    // Messages arrive in order: this comes before the page's canvas, while the page still loads.
    try {
      warmUpChart(Date.now());
    } catch {
      // Only a head start: the page's own chart is made as before, and shows its own failure if it has one.
    }
    return;
  }
  if (message.type === 'init') {
    message.canvas.width = message.width;
    message.canvas.height = message.height;
    drawing = new ViewersDrawing(message.canvas, true, message.devicePixelRatio);
    return;
  }
  if (!drawing) return;
  if (message.type === 'resize') {
    drawing.chart.resize(message.width, message.height);
  } else if (message.type === 'pointer') {
    // chart.js's own event path, as its DOM listeners would feed it: hover and tooltip work as on the page.
    const chartEvent = { type: message.kind, x: message.x, y: message.y, native: { type: message.kind } };
    (drawing.chart as unknown as { _eventHandler(e: unknown): void })._eventHandler(chartEvent);
  } else {
    const lines: DrawLine[] = message.lines.map(({ packed, ...line }) => {
      if (packed) held.set(line.key, unpackPoints(packed));
      return { ...line, points: held.get(line.key) ?? [] };
    });
    for (const key of held.keys()) if (!lines.some((line) => line.key === key)) held.delete(key);
    const drawn = drawing.draw(lines, message.from, message.to, message.look);
    scope.postMessage({ type: 'drawn', seq: message.seq, ...drawn } satisfies FromWorker);
  }
};
