import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestChannels } from '@shared/ipc/contract';
import { ipcMain } from '../app/fake-electron';
import { echoHandlers, eventFrom, newWindow } from './ipc-fixtures';

vi.mock('electron', async () => (await import('../app/fake-electron')).fakeElectron());

const { registerIpcHandlers } = await import('../../../main/ipc/handle');
const { createTrustedWindows } = await import('../../../main/ipc/trusted-senders');
const { APP_ORIGIN, sameOriginAs } = await import('../../../main/app/origin');

function setup() {
  const { handlers, spies } = echoHandlers();
  const trust = createTrustedWindows(sameOriginAs(APP_ORIGIN));
  const window = newWindow();
  trust.add(window as never);
  const unregister = registerIpcHandlers(handlers, trust);
  const call = (channel: string, args: unknown, event: unknown = eventFrom(window)) =>
    Promise.resolve(ipcMain.handlers.get(channel)!(event, args));
  return { handlers: spies, window, call, unregister };
}

beforeEach(() => {
  ipcMain.handlers.clear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels, and unregisters them', () => {
    const { unregister } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...requestChannels].sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('passes parsed arguments to the handler and returns its Result', async () => {
    const { call, handlers } = setup();
    const answer = await call('sessions:detail', { sourceId: 'naver-main', sessionId: 'abc' });
    expect(answer).toEqual({
      ok: true,
      value: { channel: 'sessions:detail', args: { sourceId: 'naver-main', sessionId: 'abc' } },
    });
    expect(handlers['sessions:detail']).toHaveBeenCalledOnce();
  });

  it('answers a malformed argument with an error naming the field', async () => {
    const { call, handlers } = setup();
    const answer = (await call('sessions:detail', { sourceId: 'naver main!', sessionId: 'abc' })) as {
      ok: false;
      error: { code: string; message: string };
    };
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('bad-argument');
    expect(answer.error.message).toContain('sourceId');
    expect(handlers['sessions:detail']).not.toHaveBeenCalled();

    const wrongType = (await call('polling:pause', { paused: 'yes' })) as { error: { message: string } };
    expect(wrongType.error.message).toContain('paused');
    const extra = (await call('app:info', { exec: 'rm -rf /' })) as { ok: boolean; error: { code: string } };
    expect(extra.error.code).toBe('bad-argument');
  });

  it('refuses an untrusted sender without calling the handler, and without throwing', async () => {
    const { call, handlers } = setup();
    const stranger = newWindow('https://evil.com/');
    const answer = await call('state:snapshot', {}, eventFrom(stranger));
    expect(answer).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(handlers['state:snapshot']).not.toHaveBeenCalled();
  });

  it('refuses our own window once it has left the app origin', async () => {
    const { call, window } = setup();
    window.webContents.mainFrame = { url: 'https://evil.com/', parent: null };
    expect(await call('app:info', {})).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('turns a handler that throws into an error value that keeps its details in main', async () => {
    const { call, handlers } = setup();
    handlers['polling:refresh']!.mockRejectedValueOnce(new Error('secret-token-123 leaked in a stack'));
    const answer = (await call('polling:refresh', {})) as { ok: false; error: { code: string; message: string } };
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(answer.error.message).not.toContain('secret-token-123');
  });
});
