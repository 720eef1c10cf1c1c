import { useLayoutEffect, useRef } from 'react';
import type { ViewerPoint } from '@shared/model/samples';
import { useColorScheme } from '../use-color-scheme';
import type { DrawLine, Drawn, Look } from './chart-draw';
import { chartWorker } from './chart-worker';
import { packPoints, type FromWorker, type ToWorker, type WireLine } from './chart-wire';
import { cssVar } from './palette';
import { afterPaint } from '../state/frame';
import { createDrawQueue } from './draw-queue';
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

/** Where the chart is drawn: its worker, or (no OffscreenCanvas in this browser) the page itself. */
interface Painter {
  draw(lines: readonly DrawLine[], from: number, to: number, look: Look): void;
  dispose(): void;
}

/**
 * The live viewers chart. chart.js draws it in a worker on an OffscreenCanvas,
 * so the page's main thread keeps its frames for the DOM; the page forwards
 * the pointer for the tooltip and the box's size. The canvas's data-points and
 * data-newest attributes say what was drawn, set once the drawing reports it
 * done, never before.
 */
export function ViewersChart({ series, now, rangeMs, description, fontSize }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const painter = useRef<Painter | null>(null);
  const scheme = useColorScheme();

  // Layout effects: the canvas goes to the worker, and the first draw after it, as the chart is committed,
  // not a paint later. On a cold start the worker then draws while the page lays out its first screen.
  useLayoutEffect(() => {
    const canvas = canvasRef.current!;
    const report = (drawn: Drawn) => {
      canvas.dataset.points = String(drawn.points);
      canvas.dataset.newest = JSON.stringify(drawn.newest);
    };
    const made =
      typeof canvas.transferControlToOffscreen === 'function' && typeof Worker === 'function'
        ? workerPainter(canvas, report)
        : pagePainter(canvas, report);
    painter.current = made;
    return () => {
      made.dispose();
      painter.current = null;
    };
  }, []);

  /*
   * The look's colours come from the stylesheet, which changes with the scheme. They are read
   * again only then: reading a computed style right after React changed the DOM makes the
   * browser work out the page's style there and then, about a millisecond of every update.
   */
  const look = useRef<{ readonly scheme: string; readonly look: Look } | null>(null);
  useLayoutEffect(() => {
    const from = now - rangeMs;
    if (look.current?.scheme !== scheme || look.current.look.fontSize !== fontSize) {
      const read = { text: cssVar('--fg-muted', '#666'), grid: cssVar('--grid', 'rgba(0,0,0,0.08)'), fontSize };
      look.current = { scheme, look: read };
    }
    painter.current?.draw(series.map(toDrawLine), from, now, look.current.look);
  }, [series, now, rangeMs, scheme, fontSize]);

  return (
    <div className="chart-box">
      <canvas ref={canvasRef} role="img" aria-label={description} data-testid="viewers-chart" />
    </div>
  );
}

function toDrawLine(entry: ChartSeries): DrawLine {
  const { source, overlay } = entry;
  const name = overlay ? `${source.name} (${overlay})` : source.name;
  return {
    key: overlay ? `${source.id}\u0000${overlay}` : source.id,
    sourceId: source.id,
    label: overlay ? `${source.name} · ${overlay}` : source.name,
    tooltipName: name,
    tooltipDetail: `${source.providerLabel} · ${source.metric.label}${entry.stale ? ' · STALE' : ''}`,
    unit: source.metric.unit,
    color: entry.color,
    overlay: overlay !== undefined,
    stale: entry.stale,
    hidden: entry.hidden,
    intervalMs: entry.intervalMs ?? source.intervalMs,
    points: entry.points,
  };
}

function workerPainter(canvas: HTMLCanvasElement, report: (drawn: Drawn) => void): Painter {
  const worker = chartWorker();
  const send = (message: ToWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  canvas.classList.add('chart-offscreen');
  const box = canvas.parentElement!;
  const offscreen = canvas.transferControlToOffscreen();
  send(
    {
      type: 'init',
      canvas: offscreen,
      width: box.clientWidth,
      height: box.clientHeight,
      devicePixelRatio: window.devicePixelRatio || 1,
    },
    [offscreen],
  );
  let lastDrawn = 0;
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    // Draws are done in order; an older report after a newer one cannot happen, but would be stale.
    if (event.data.seq < lastDrawn) return;
    lastDrawn = event.data.seq;
    queue.drawn(event.data.points);
    report(event.data);
  };
  let size = { width: box.clientWidth, height: box.clientHeight };
  const observer = new ResizeObserver(() => {
    const next = { width: box.clientWidth, height: box.clientHeight };
    if (next.width === size.width && next.height === size.height) return;
    size = next;
    send({ type: 'resize', ...next });
  });
  observer.observe(box);
  const pointer = (kind: 'mousemove' | 'mouseout') => (event: PointerEvent) =>
    send({ type: 'pointer', kind, x: event.offsetX, y: event.offsetY });
  const move = pointer('mousemove');
  const leave = pointer('mouseout');
  canvas.addEventListener('pointermove', move);
  canvas.addEventListener('pointerleave', leave);
  /** The points array last sent for each line: unchanged points are not sent again. */
  const sent = new Map<string, readonly ViewerPoint[]>();
  let seq = 0;
  const post = (lines: readonly DrawLine[], from: number, to: number, look: Look) => {
    const transfer: Transferable[] = [];
    const wire = lines.map(({ points, ...line }): WireLine => {
      if (sent.get(line.key) === points) return line;
      sent.set(line.key, points);
      const packed = packPoints(points);
      transfer.push(packed.buffer);
      return { ...line, packed };
    });
    for (const key of sent.keys()) if (!lines.some((line) => line.key === key)) sent.delete(key);
    send({ type: 'draw', seq: ++seq, lines: wire, from, to, look }, transfer);
  };
  const queue = createDrawQueue(post, afterPaint);
  return {
    draw: queue.draw,
    dispose() {
      queue.cancel();
      observer.disconnect();
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerleave', leave);
      worker.terminate();
    },
  };
}

function pagePainter(canvas: HTMLCanvasElement, report: (drawn: Drawn) => void): Painter {
  // Loaded only here: where the worker draws (every browser with OffscreenCanvas, Electron included), the
  // page never runs chart.js, and its start-up does not compile and run a quarter of a megabyte for nothing.
  const loading = import('./chart-draw').then(
    ({ ViewersDrawing }) => new ViewersDrawing(canvas, false, window.devicePixelRatio || 1),
  );
  let drawing: Awaited<typeof loading> | null = null;
  let disposed = false;
  let frame = 0;
  let latest: Parameters<Painter['draw']> | null = null;
  const schedule = () => {
    // Drawn in the frame after the update's DOM work; changes within a frame cost one draw.
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (drawing && latest) report(drawing.draw(...latest));
    });
  };
  void loading.then((made) => {
    if (disposed) return made.chart.destroy();
    drawing = made;
    if (latest) schedule();
  });
  return {
    draw(...args) {
      latest = args;
      if (drawing) schedule();
    },
    dispose() {
      disposed = true;
      cancelAnimationFrame(frame);
      drawing?.chart.destroy();
    },
  };
}
