import { describe, expect, it, vi } from 'vitest';
import { eventFrom, newWindow } from './ipc-fixtures';

vi.mock('electron', async () => (await import('../app/fake-electron')).fakeElectron());

const { createTrustedWindows } = await import('../../../main/ipc/trusted-senders');
const { APP_ORIGIN, sameOriginAs } = await import('../../../main/app/origin');

function setup() {
  const trust = createTrustedWindows(sameOriginAs(APP_ORIGIN));
  const window = newWindow();
  trust.add(window as never);
  return { trust, window };
}

describe('trusted senders', () => {
  it('trusts the top frame of our window on the app origin', () => {
    const { trust, window } = setup();
    expect(trust.isTrustedSender(eventFrom(window) as never)).toBe(true);
  });

  it('refuses a window we did not create, even on the app origin', () => {
    const { trust } = setup();
    expect(trust.isTrustedSender(eventFrom(newWindow()) as never)).toBe(false);
  });

  it.each(['https://evil.com/', 'app://streamwatch.evil.com/index.html', 'file:///etc/passwd', 'about:blank'])(
    'refuses our window once it shows %s',
    (url) => {
      const { trust, window } = setup();
      window.webContents.mainFrame = { url, parent: null };
      expect(trust.isTrustedSender(eventFrom(window) as never)).toBe(false);
    },
  );

  it('refuses a sub-frame, and a frame that is already gone', () => {
    const { trust, window } = setup();
    const child = { url: 'app://streamwatch/index.html', parent: window.webContents.mainFrame };
    expect(trust.isTrustedSender(eventFrom(window, child) as never)).toBe(false);
    expect(trust.isTrustedSender(eventFrom(window, null) as never)).toBe(false);
  });

  it('forgets a window once it is closed', () => {
    const { trust, window } = setup();
    expect(trust.live()).toHaveLength(1);
    window.destroyNow();
    expect(trust.live()).toHaveLength(0);
    expect(trust.isTrustedSender(eventFrom(window) as never)).toBe(false);
  });

  it('treats a sender check that throws as untrusted', () => {
    const { trust, window } = setup();
    const event = {
      sender: window.webContents,
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    expect(trust.isTrustedSender(event as never)).toBe(false);
  });
});
