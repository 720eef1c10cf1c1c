import { execFile } from 'node:child_process';

/**
 * Whether a tray icon will actually be seen. Windows and macOS always have a
 * notification area. On Linux, Electron's tray is a StatusNotifierItem, which
 * only shows when something on the session bus watches for them (KDE, most
 * panels, GNOME only with the AppIndicator extension); without a watcher the
 * icon is silently missing and a window hidden "to the tray" would be lost.
 */
export async function canShowTray(
  platform: NodeJS.Platform,
  hasStatusNotifierWatcher: () => Promise<boolean> = askSessionBus,
): Promise<boolean> {
  if (platform !== 'linux') return true;
  return hasStatusNotifierWatcher();
}

export const NO_TRAY_NOTE =
  'This desktop shows no tray icons (on GNOME, the AppIndicator extension adds them), so closing the window minimizes it instead of hiding it.';

const WATCHER = 'org.kde.StatusNotifierWatcher';

/** Asks the session bus whether the watcher's name has an owner; no bus or no dbus-send counts as no. */
function askSessionBus(): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        `string:${WATCHER}`,
      ],
      { timeout: 3000 },
      (error, stdout) => resolve(!error && /boolean true/.test(stdout)),
    );
  });
}
