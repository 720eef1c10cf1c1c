import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Store, StoreState } from './store';

export const StoreContext = createContext<Store | null>(null);

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('the store needs a StoreContext provider');
  return store;
}

export function useStoreState(): StoreState {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}
