import type { StreamwatchApi } from '@shared/ipc/api';
import type { AlertsView } from '@shared/model/alerts';
import type { Connection } from '../connection';
import { valueStore, type ValueStore } from './value-store';

export interface AlertsState {
  readonly view: AlertsView | null;
  /** Why the first fetch failed, while there is nothing to show. */
  readonly error: string | null;
  /** Bumped on every change, so views can refetch the history when incidents move. */
  readonly version: number;
}

export interface AlertsStore extends Pick<ValueStore<AlertsState>, 'get' | 'subscribe'> {
  /** Subscribes to `alerts:changed`, then fetches `alerts:view`. Returns stop. */
  start(): () => void;
  /** Fetches the view now (after an acknowledge or snooze, whose push may come a moment later). */
  refresh(): Promise<void>;
}

/**
 * The firing incidents, for the header badge (visible from every view) and
 * the Alerts view. Same order as the state sync: subscribe first, then fetch;
 * a push that arrives while the fetch is in flight is newer than its answer,
 * so that answer is dropped.
 */
export function createAlertsStore(deps: {
  readonly api: StreamwatchApi;
  readonly connection: Connection;
}): AlertsStore {
  const store = valueStore<AlertsState>({ view: null, error: null, version: 0 });
  let pushes = 0;
  let stopped = false;

  const accept = (view: AlertsView) => store.set({ view, error: null, version: store.get().version + 1 });

  async function refresh(): Promise<void> {
    const seen = pushes;
    const result = await deps.api.request['alerts:view']({});
    if (stopped || pushes !== seen) return;
    if (result.ok) accept(result.value);
    else if (!store.get().view) store.set({ ...store.get(), error: result.error.message });
  }

  return {
    get: store.get,
    subscribe: store.subscribe,
    refresh,
    start() {
      stopped = false;
      const off = deps.api.on['alerts:changed']((view) => {
        pushes++;
        accept(view);
      });
      let wasOpen = deps.connection.get() === 'open';
      // Pushes sent while the bridge was down are lost: fetch again when it is back.
      const offConnection = deps.connection.subscribe(() => {
        const open = deps.connection.get() === 'open';
        if (open && !wasOpen) void refresh();
        wasOpen = open;
      });
      void refresh();
      return () => {
        stopped = true;
        off();
        offConnection();
      };
    },
  };
}
