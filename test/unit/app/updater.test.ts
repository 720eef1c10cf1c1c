import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { manualClock } from '../../support/manual-clock';

const autoUpdater = Object.assign(new EventEmitter(), {
  autoDownload: false,
  autoInstallOnAppQuit: true,
  logger: {} as unknown,
  checkForUpdates: vi.fn(async () => null),
  quitAndInstall: vi.fn(),
});
vi.mock('electron-updater', () => ({ default: { autoUpdater } }));

const { startUpdater } = await import('../../../main/app/updater');

describe('updater (electron-updater mocked)', () => {
  it('downloads in the background, never installs on quit, and installs only on restart()', () => {
    const clock = manualClock(Date.parse('2026-03-01T08:00:00Z'));
    const statuses: string[] = [];
    const beforeRestart = vi.fn();
    const updater = startUpdater({
      clock,
      switchNow: () => ({ enabled: true, note: null }),
      onStatus: (s) => statuses.push(s.phase),
      beforeRestart,
    });
    expect(autoUpdater.autoDownload).toBe(true);
    expect(autoUpdater.autoInstallOnAppQuit).toBe(false);
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1);

    updater.restart();
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled();

    autoUpdater.emit('checking-for-update');
    autoUpdater.emit('update-available', { version: '0.2.0' });
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    expect(statuses).toEqual(['checking', 'downloading', 'ready']);
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled();

    updater.restart();
    expect(beforeRestart).toHaveBeenCalledOnce();
    expect(autoUpdater.quitAndInstall).toHaveBeenCalledOnce();
    updater.stop();
  });
});
