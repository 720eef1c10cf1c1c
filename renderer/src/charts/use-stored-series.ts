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
  const [state, setState] = useState<StoredSeries & { readonly request: string | null }>({ ...EMPTY, request: null });
  useEffect(() => {
    if (!enabled || key === '') return;
    let current = true;
    void api.request['history:series']({ sourceIds: key.split('\n'), from, to, offsetMs }).then((result) => {
      if (!current) return;
      if (!result.ok) {
        setState({ ...EMPTY, error: result.error.message, request });
        return;
      }
      const points = new Map(
        result.value.series.map((s) => [s.sourceId, s.points.map((p) => ({ at: p.at, viewers: p.viewers }))]),
      );
      setState({ points, tierMs: result.value.tierMs, loading: false, error: null, request });
    });
    return () => {
      current = false;
    };
  }, [key, from, to, offsetMs, enabled, request]);
  if (!enabled || key === '') return EMPTY;
  // Until the answer for this range arrives, the last one stays on screen, marked as loading.
  return state.request === request ? state : { ...state, loading: true };
}
