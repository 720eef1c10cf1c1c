import type { StreamwatchApi } from '@shared/ipc/api';
import type { RequestArgs, SettingsView } from '@shared/ipc/contract';
import type { AppError, Result } from '@shared/result';
import type { Connection } from '../connection';
import { valueStore, type ValueStore } from './value-store';

export interface SettingsState {
  readonly settings: SettingsView | null;
  readonly error: string | null;
}

export interface SettingsStore extends Pick<ValueStore<SettingsState>, 'get' | 'subscribe'> {
  start(): () => void;
  refresh(): Promise<void>;
  set(change: RequestArgs<'settings:set'>): Promise<Result<SettingsView, AppError>>;
}

/**
 * Preferences and what the page must know about where settings live (the
 * theme applies to every view, the keychain's state to the source form).
 * Nothing pushes settings changes; this page is the only one changing them,
 * so it keeps what `settings:set` answers.
 */
export function createSettingsStore(deps: {
  readonly api: StreamwatchApi;
  readonly connection: Connection;
}): SettingsStore {
  const store = valueStore<SettingsState>({ settings: null, error: null });

  async function refresh(): Promise<void> {
    const result = await deps.api.request['settings:get']({});
    if (result.ok) store.set({ settings: result.value, error: null });
    else store.set({ ...store.get(), error: result.error.message });
  }

  return {
    get: store.get,
    subscribe: store.subscribe,
    refresh,
    async set(change) {
      const result = await deps.api.request['settings:set'](change);
      if (result.ok) store.set({ settings: result.value, error: null });
      return result;
    },
    start() {
      let wasOpen = deps.connection.get() === 'open';
      const off = deps.connection.subscribe(() => {
        const open = deps.connection.get() === 'open';
        // A restarted server may have other settings (headless mode restarted with other flags).
        if (open && !wasOpen) void refresh();
        wasOpen = open;
      });
      void refresh();
      return off;
    },
  };
}
