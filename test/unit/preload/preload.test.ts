import { describe, expect, it, vi } from 'vitest';
import type { StreamwatchApi } from '@shared/ipc/api';
import { pushChannels, requestChannels } from '@shared/ipc/contract';
import { contextBridge, ipcRenderer } from '../app/fake-electron';

vi.mock('electron', async () => (await import('../app/fake-electron')).fakeElectron());

await import('../../../preload/index');
const api = contextBridge.exposed.get('api') as StreamwatchApi;

describe('preload', () => {
  it('exposes window.api and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['on', 'request']);
  });

  it('has exactly one request method per contract channel, each invoking its own channel', async () => {
    expect(Object.keys(api.request).sort()).toEqual([...requestChannels].sort());
    for (const channel of requestChannels) {
      const call = api.request[channel] as (args: unknown) => Promise<unknown>;
      await call({ probe: channel });
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, { probe: channel });
    }
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(requestChannels.length);
  });

  it('has exactly one subscription per push channel', () => {
    expect(Object.keys(api.on).sort()).toEqual([...pushChannels].sort());
  });

  it.each(pushChannels)('%s listeners get the payload without the Electron event, and unsubscribe', (channel) => {
    const listener = vi.fn();
    const unsubscribe = api.on[channel](listener);
    expect(ipcRenderer.listenerCount(channel)).toBe(1);

    const payload = { seq: 1, at: 0, ops: [] };
    ipcRenderer.emit(channel, { sender: 'the electron event', ports: [] }, payload);
    expect(listener).toHaveBeenCalledExactlyOnceWith(payload);

    unsubscribe();
    expect(ipcRenderer.listenerCount(channel)).toBe(0);
    ipcRenderer.emit(channel, {}, payload);
    expect(listener).toHaveBeenCalledOnce();
  });

  it('keeps several listeners apart: removing one leaves the other', () => {
    const [channel] = pushChannels;
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = api.on[channel!](first);
    const offSecond = api.on[channel!](second);
    offFirst();
    ipcRenderer.emit(channel!, {}, { seq: 2, at: 0, ops: [] });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    offSecond();
  });
});
