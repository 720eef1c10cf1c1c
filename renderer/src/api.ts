import type { StreamwatchApi } from '@shared/ipc/api';
import type * as WsProtocol from '@shared/ipc/ws-protocol';
import { browserTokenSource } from './collector-token';
import { alwaysOpen, type Connection } from './connection';
import { createWsApi } from './ws-api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the renderer is served by headless `--serve`. */
    readonly api?: StreamwatchApi;
  }
}

/**
 * The bridge's path, typed against the protocol module so a change there fails
 * the type check here. Not imported as a value: that module builds zod schemas
 * at load, which would bring zod (and its `new Function` probe, a CSP report)
 * into the page for one string.
 */
const WS_PATH: typeof WsProtocol.WS_PATH = '/api';

/**
 * The only place that touches `window.api`. In Electron the preload provides
 * it; in a browser (headless `--serve`, the wall board) the same interface is
 * built over the WebSocket bridge of the server that served this page.
 */
function choose(): { api: StreamwatchApi; connection: Connection } {
  if (window.api) return { api: window.api, connection: alwaysOpen };
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return createWsApi(`${scheme}://${location.host}${WS_PATH}`, browserTokenSource());
}

export const { api, connection } = choose();
