import { describe, expect, it, vi } from 'vitest';
import type { Patch } from '@shared/model/state';
import { newWindow } from './ipc-fixtures';
import { captureLog } from '../../support/log-capture';

vi.mock('electron', async () => (await import('../app/fake-electron')).fakeElectron());

const { createBroadcast } = await import('../../../main/ipc/broadcast');
const { createTrustedWindows } = await import('../../../main/ipc/trusted-senders');
const { APP_ORIGIN, sameOriginAs } = await import('../../../main/app/origin');

const patch: Patch = {
  seq: 7,
  at: 1_700_000_000_000,
  ops: [{ op: 'flags', demo: true, offline: false, paused: false, historyProblem: null }],
};

describe('broadcast', () => {
  it('pushes to live trusted windows only', () => {
    const trust = createTrustedWindows(sameOriginAs(APP_ORIGIN));
    const [live, closed, wandered, crashed, stranger] = [
      newWindow(),
      newWindow(),
      newWindow(),
      newWindow(),
      newWindow(),
    ];
    for (const window of [live, closed, wandered, crashed]) trust.add(window as never);
    wandered.webContents.mainFrame = { url: 'https://evil.com/', parent: null };
    crashed.webContents.crashed = true;
    closed.destroyed = true; // destroyed, 'closed' not yet emitted
    closed.webContents.destroyed = true;

    createBroadcast(trust)('state:patch', patch);

    expect(live.webContents.send).toHaveBeenCalledExactlyOnceWith('state:patch', patch);
    for (const window of [closed, wandered, crashed, stranger]) expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('survives a window torn down mid-send', () => {
    const trust = createTrustedWindows(sameOriginAs(APP_ORIGIN));
    const [dying, next] = [newWindow(), newWindow()];
    trust.add(dying as never);
    trust.add(next as never);
    dying.webContents.send.mockImplementation(() => {
      throw new Error('Object has been destroyed');
    });
    const log = captureLog();
    expect(() => createBroadcast(trust)('state:patch', patch)).not.toThrow();
    log.restore();
    expect(log.lines.map((line) => line.message)).toEqual(['[ipc] could not push state:patch']);
    expect(next.webContents.send).toHaveBeenCalledOnce();
  });
});
