import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AlertsState, AlertsStore } from './alerts-store';
import type { SettingsState, SettingsStore } from './settings-store';

/** The stores beside the snapshot store: alerts and settings, each with its own sync. */
export interface SideStores {
  readonly alerts: AlertsStore;
  readonly settings: SettingsStore;
}

export const SideStoresContext = createContext<SideStores | null>(null);

export function useSideStores(): SideStores {
  const stores = useContext(SideStoresContext);
  if (!stores) throw new Error('useSideStores needs a SideStoresContext provider');
  return stores;
}

export function useAlerts(): AlertsState {
  const { alerts } = useSideStores();
  return useSyncExternalStore(alerts.subscribe, alerts.get);
}

export function useSettings(): SettingsState {
  const { settings } = useSideStores();
  return useSyncExternalStore(settings.subscribe, settings.get);
}
