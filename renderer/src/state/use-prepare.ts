import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Snapshot } from '@shared/model/state';
import { useStore } from './use-store';

/**
 * Runs `work` with each update's snapshot in a task of its own, before the
 * frame that renders the update (Store.prepare). A view fills its memo there
 * with what it derives from 10,000 sessions, and the render that follows finds
 * it done: the update's work is spread over two frames instead of one.
 * `work` may change from render to render; the latest one runs.
 */
export function usePrepare(work: (snapshot: Snapshot) => void): void {
  const store = useStore();
  const latest = useRef(work);
  useLayoutEffect(() => {
    latest.current = work;
  });
  useEffect(() => store.prepare((snapshot) => latest.current(snapshot)), [store]);
}
