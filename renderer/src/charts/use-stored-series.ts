import { useEffect, useState } from 'react';
import type { ViewerPoint } from '@shared/model/samples';
import { api } from '../api';

export interface StoredSeries {
  /** Points by source id; empty while the first answer is on its way. */
  readonly points: ReadonlyMap<string, readonly ViewerPoint[]>;
  /** The bucket length the points stand for (0: readings as they came). */
  readonly tierMs: number;
  readonly loading: boolean;
  readonly error: string | null;
}

const EMPTY: StoredSeries = { points: new Map(), tierMs: 0, loading: false, error: null };

/**
 * Viewer series read from stored history (the long ranges and the yesterday /
 * last-week baselines). `to` should move in steps (a minute), not every
 * second: each new range is one request. A newer request wins over an older
 * one that answers late.
 */
export function useStoredSeries(
  sourceIds: readonly string[],
  from: number,
  to: number,
  offsetMs: number,
  enabled: boolean,
): StoredSeries {
  const key = sourceIds.join('\n');
  const request = `${key}|${from}|${to}|${offsetMs}`;
  const [state, setState] = useState<StoredSeries & { readonly request: string | null; readonly span?: number }>({
    ...EMPTY,
    request: null,
  });
  useEffect(() => {
    if (!enabled || key === '') return;
    let current = true;
    void api.request['history:series']({ sourceIds: key.split('\n'), from, to, offsetMs }).then((result) => {
      if (!current) return;
      if (!result.ok) {
        setState({ ...EMPTY, error: result.error.message, request, span: to - from });
        return;
      }
      const points = new Map(
        result.value.series.map((s) => [s.sourceId, s.points.map((p) => ({ at: p.at, viewers: p.viewers }))]),
      );
      setState({ points, tierMs: result.value.tierMs, loading: false, error: null, request, span: to - from });
    });
    return () => {
      current = false;
    };
  }, [key, from, to, offsetMs, enabled, request]);
  if (!enabled || key === '') return EMPTY;
  if (state.request === request) return state;
  // The same range a minute on: the last answer stays on screen until the new one comes.
  // Another range: nothing, rather than another range's line drawn against this axis.
  const sameRange =
    state.request?.startsWith(`${key}|`) && state.request.endsWith(`|${offsetMs}`) && state.span === to - from;
  return sameRange ? { ...state, loading: true } : { ...EMPTY, loading: true };
}
