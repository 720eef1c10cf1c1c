import electronUpdater from 'electron-updater';
import type { Clock } from '../engine/types';
import { log } from '../log/logger';
import {
  createUpdateSchedule,
  INITIAL_STATUS,
  nextStatus,
  type UpdateEvent,
  type UpdateStatus,
  type UpdatesSwitch,
} from './update-policy';

export interface Updater {
  status(): UpdateStatus;
  /** Call after the setting changed. */
  reconsider(): void;
  /** The user's "Restart to update": the only way an update is installed. */
  restart(): void;
  stop(): void;
}

/**
 * electron-updater with the feed from electron-builder.yml's `publish` (the
 * generic provider). It downloads by itself once an update is found, and
 * installs only through restart(): not on quit, so nothing changes on the
 * user's machine without them choosing it.
 */
export function startUpdater(deps: {
  readonly clock: Clock;
  readonly switchNow: () => UpdatesSwitch;
  readonly onStatus: (status: UpdateStatus) => void;
  /** Lets the window really close before the installer runs. */
  readonly beforeRestart: () => void;
}): Updater {
  // The package is CommonJS; its named export is reached through the default one under ESM.
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.logger = null;

  let status = INITIAL_STATUS;
  const on = (event: UpdateEvent): void => {
    status = nextStatus(status, event);
    if (event.type === 'error') log.warn('[updates] check or download failed', event.message);
    deps.onStatus(status);
  };
  autoUpdater.on('checking-for-update', () => on({ type: 'checking' }));
  autoUpdater.on('update-available', (info) => on({ type: 'available', version: info.version }));
  autoUpdater.on('update-not-available', () => on({ type: 'not-available' }));
  autoUpdater.on('update-downloaded', (info) => on({ type: 'downloaded', version: info.version }));
  autoUpdater.on('error', (error) => on({ type: 'error', message: error.message }));

  const schedule = createUpdateSchedule({
    clock: deps.clock,
    enabled: () => deps.switchNow().enabled,
    ready: () => status.phase === 'ready',
    // Failures also arrive as 'error' events; the promise is only kept from going unhandled.
    check: () => void autoUpdater.checkForUpdates().catch(() => undefined),
  });
  schedule.start();
  return {
    status: () => status,
    reconsider: () => schedule.reconsider(),
    restart() {
      if (status.phase !== 'ready') return;
      deps.beforeRestart();
      autoUpdater.quitAndInstall();
    },
    stop: () => schedule.stop(),
  };
}
