import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Store, StoreState } from './store';

export const StoreContext = createContext<Store | null>(null);

export function useStoreState(): StoreState {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStoreState needs a StoreContext provider');
  return useSyncExternalStore(store.subscribe, store.getState);
}
