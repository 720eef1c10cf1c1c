import { describe, expect, it, vi } from 'vitest';
import { FakeEvent, type FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());

const { createMainWindow, revealAt, revealWindow } = await import('../../../main/app/window');

function open(quitting = false, more: { trayShown?: () => boolean; startHidden?: boolean } = {}) {
  let isQuitting = quitting;
  const onHiddenToTray = vi.fn();
  const window = createMainWindow({
    preload: '/app/out/preload/index.cjs',
    url: 'app://streamwatch/index.html',
    devTools: false,
    isQuitting: () => isQuitting,
    onHiddenToTray,
    ...more,
  }) as unknown as FakeBrowserWindow;
  return { window, onHiddenToTray, quit: () => (isQuitting = true) };
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

  it('tells the app each time closing hid it into the tray (for the one-time hint)', () => {
    const { window, onHiddenToTray } = open();
    window.emit('close', new FakeEvent());
    expect(onHiddenToTray).toHaveBeenCalledOnce();
  });

  it('minimizes instead of hiding where no tray can be shown, so it is never lost', () => {
    const { window, onHiddenToTray } = open(false, { trayShown: () => false });
    window.emit('ready-to-show');
    const close = new FakeEvent();
    window.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    expect(window.minimize).toHaveBeenCalledOnce();
    expect(window.visible).toBe(true);
    expect(onHiddenToTray).not.toHaveBeenCalled();
  });

  it('started at login it stays hidden in the tray, or minimized where there is no tray', () => {
    const inTray = open(false, { startHidden: true, trayShown: () => true }).window;
    inTray.emit('ready-to-show');
    expect(inTray.visible).toBe(false);
    expect(inTray.minimize).not.toHaveBeenCalled();
    const noTray = open(false, { startHidden: true, trayShown: () => false }).window;
    noTray.emit('ready-to-show');
    expect(noTray.minimize).toHaveBeenCalledOnce();
    expect(noTray.focus).not.toHaveBeenCalled();
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
