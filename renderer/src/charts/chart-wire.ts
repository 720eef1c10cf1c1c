import type { ViewerPoint } from '@shared/model/samples';
import type { DrawLine, Drawn, Look } from './chart-draw';

/**
 * The messages between the page and the chart's worker. Points travel as one
 * transferred Float64Array (at, viewers, at, viewers, …) and only when a
 * line's points changed: an update brings new points for one source, and
 * copying every line's day of readings on each would cost the page the time
 * the worker is there to save.
 */
export type WireLine = Omit<DrawLine, 'points'> & { readonly packed?: Float64Array };

export type ToWorker =
  /** Sent first, to the worker started at page load only (chart-worker.ts). */
  | { readonly type: 'warm-up' }
  | {
      readonly type: 'init';
      readonly canvas: OffscreenCanvas;
      readonly width: number;
      readonly height: number;
      readonly devicePixelRatio: number;
    }
  | { readonly type: 'resize'; readonly width: number; readonly height: number }
  | {
      readonly type: 'draw';
      readonly seq: number;
      readonly lines: readonly WireLine[];
      readonly from: number;
      readonly to: number;
      readonly look: Look;
    }
  | { readonly type: 'pointer'; readonly kind: 'mousemove' | 'mouseout'; readonly x: number; readonly y: number };

export type FromWorker = { readonly type: 'drawn'; readonly seq: number } & Drawn;

export function packPoints(points: readonly ViewerPoint[]): Float64Array {
  const packed = new Float64Array(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    packed[2 * i] = points[i]!.at;
    packed[2 * i + 1] = points[i]!.viewers;
  }
  return packed;
}

export function unpackPoints(packed: Float64Array): ViewerPoint[] {
  const points: ViewerPoint[] = new Array(packed.length / 2);
  for (let i = 0; i < points.length; i++) points[i] = { at: packed[2 * i]!, viewers: packed[2 * i + 1]! };
  return points;
}
