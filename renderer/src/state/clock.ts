import { useSyncExternalStore } from 'react';
import { clockNow, subscribeClock } from './ticker';

/** The shared clock's time (ticker.ts), re-rendering each second and with each shown update. */
export function useNow(): number {
  return useSyncExternalStore(subscribeClock, clockNow);
}
