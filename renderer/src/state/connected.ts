import { createContext, useContext } from 'react';

/**
 * Whether the page is connected to the engine (Electron IPC or the headless
 * WebSocket). While it is not, nothing on screen is known to be current: every
 * figure is shown as unknown, never as "OK" or "No alerts".
 */
export const ConnectedContext = createContext(true);

export function useConnected(): boolean {
  return useContext(ConnectedContext);
}
