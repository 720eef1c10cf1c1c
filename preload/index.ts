import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { StreamwatchApi } from '@shared/ipc/api';
import { pushChannels, requestChannels, type PushChannel, type RequestChannel } from '@shared/ipc/contract';

/**
 * window.api, built from the contract's channel lists and nothing else: one
 * method per request channel, one subscription per push channel. No logic
 * lives here — main checks the sender and parses every argument — and no
 * channel outside the contract can be reached (there is no generic `invoke`).
 *
 * Runs sandboxed (no Node), so it may import only `electron` and code that
 * electron-vite bundles into this one file.
 */

type Invoke = (args: unknown) => Promise<unknown>;
type Subscribe = (listener: (payload: unknown) => void) => () => void;

function requestMethods(): StreamwatchApi['request'] {
  const methods: Partial<Record<RequestChannel, Invoke>> = {};
  for (const channel of requestChannels) {
    methods[channel] = (args) => ipcRenderer.invoke(channel, args);
  }
  // The contract's types are restored here: main answers each channel with its Result type.
  return methods as unknown as StreamwatchApi['request'];
}

function pushSubscriptions(): StreamwatchApi['on'] {
  const subscriptions: Partial<Record<PushChannel, Subscribe>> = {};
  for (const channel of pushChannels) {
    subscriptions[channel] = (listener) => {
      // The Electron event (with its sender) never reaches the page: only the payload.
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    };
  }
  return subscriptions as unknown as StreamwatchApi['on'];
}

const api: StreamwatchApi = { request: requestMethods(), on: pushSubscriptions() };

contextBridge.exposeInMainWorld('api', api);
