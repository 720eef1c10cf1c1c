/**
 * Whether the renderer can reach main. Electron IPC is always there; the
 * headless WebSocket bridge can drop and come back, and the store must then
 * re-sync because patches pushed while it was down are lost.
 */
export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface Connection {
  get(): ConnectionState;
  subscribe(listener: () => void): () => void;
}

export const alwaysOpen: Connection = {
  get: () => 'open',
  subscribe: () => () => {},
};
