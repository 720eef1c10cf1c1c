import { describe, expect, it, vi } from 'vitest';
import { FakeEvent, type FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());

const { createMainWindow, revealAt, revealWindow } = await import('../../../main/app/window');

function open(quitting = false) {
  let isQuitting = quitting;
  const window = createMainWindow({
    preload: '/app/out/preload/index.cjs',
    url: 'app://streamwatch/index.html',
    devTools: false,
    isQuitting: () => isQuitting,
  }) as unknown as FakeBrowserWindow;
  return { window, quit: () => (isQuitting = true) };
}

describe('main window', () => {
  it('is created with the secure webPreferences, hidden until ready, and loads the app URL', () => {
    const { window } = open();
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://streamwatch/index.html');
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('hides to the tray on close, and closes for real once quitting', () => {
    const { window, quit } = open();
    window.emit('ready-to-show');
    const close = new FakeEvent();
    window.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    expect(window.visible).toBe(false);

    quit();
    const finalClose = new FakeEvent();
    window.emit('close', finalClose);
    expect(finalClose.defaultPrevented).toBe(false);
  });

  it('is brought forward only when asked', () => {
    const { window } = open();
    expect(window.focus).not.toHaveBeenCalled();
    revealWindow(window as never);
    expect(window.visible).toBe(true);
    expect(window.focus).toHaveBeenCalledOnce();
  });
});

describe('revealAt', () => {
  it('shows the window and changes only the fragment of the current page', () => {
    const { window } = open();
    window.webContents.mainFrame = { url: 'app://streamwatch/index.html?wallboard=1#overview', parent: null };
    window.loadURL.mockClear();
    revealAt(window as never, 'alerts/inc 7');
    expect(window.visible).toBe(true);
    expect(window.loadURL).toHaveBeenCalledWith('app://streamwatch/index.html?wallboard=1#alerts/inc%207');
  });
});
