/**
 * The app's composition root: builds every part, wires them, nothing else.
 * The engine, sources, settings and alerts come from main/core (shared with
 * headless mode); what is built here is what only Electron has: windows, the
 * tray, notifications, menus, IPC and power events.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { release } from 'node:os';
import { app, clipboard, net, powerMonitor, session, shell, type BrowserWindow } from 'electron';
import { DEFAULT_DESKTOP_PREFS, type DesktopPrefs } from '@shared/model/preferences';
import { registerAppScheme, serveRenderer } from './app/app-protocol';
import { isAllowedExternalUrl } from './app/external-links';
import { createErrorMemory, diagnosticsReport } from './app/diagnostics';
import { installAppMenu } from './app/menu';
import { setLaunchAtLogin, startedAtLogin, type LoginItemContext } from './app/login-item';
import { createNotifier } from './app/notifications';
import { APP_ORIGIN, APP_START_URL, sameOriginAs } from './app/origin';
import { powerEvents } from './app/power';
import { hardenWebContents, installSessionSecurity } from './app/security';
import { createTrayController, trayStateFromAlerts, trayStateWithCollector } from './app/tray';
import { createTrayHint } from './app/tray-hint';
import { canShowTray, NO_TRAY_NOTE } from './app/tray-support';
import { restartLabel, updatesSwitch } from './app/update-policy';
import { startUpdater, type Updater } from './app/updater';
import { createMainWindow, revealWindow } from './app/window';
import { createKeytarStore } from './credentials/keytar-store';
import { createCore } from './core/app-core';
import { createDesk } from './core/desk';
import { createEngine } from './engine/engine';
import { systemClock } from './engine/system-clock';
import { startDemo } from './demo/start-demo';
import { createBroadcast } from './ipc/broadcast';
import { registerIpcHandlers } from './ipc/handle';
import { createTrustedWindows } from './ipc/trusted-senders';
import { log, setLogSink, stderrSink } from './log/logger';
import { rotatingFileSink, teeSink } from './log/rotating-file';

const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(here, '../preload/index.cjs');
const RENDERER_DIR = join(here, '../renderer');
/** electron-vite dev serves the renderer over http; packaged and preview builds use app://. */
const DEV_URL = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const START_URL = DEV_URL ?? APP_START_URL;
const isAppUrl = sameOriginAs(DEV_URL ? new URL(DEV_URL).origin : APP_ORIGIN);

let quitting = false;
/** Matches electron-builder.yml's appId: Windows groups notifications and taskbar entries by it. */
const APP_USER_MODEL_ID = 'dev.streamwatch.desktop';

registerAppScheme();
// Every web contents, whoever creates it, gets the navigation rules before it loads anything.
app.on('web-contents-created', (_event, contents) =>
  hardenWebContents(contents, { isAppUrl, isAllowedExternal: isAllowedExternalUrl }),
);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('before-quit', () => {
    quitting = true;
  });
  app
    .whenReady()
    .then(start)
    .catch((cause: unknown) => {
      log.error('[app] failed to start', cause);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const logFolder = join(app.getPath('userData'), 'logs');
  setLogSink(teeSink(rotatingFileSink({ dir: logFolder }), stderrSink));
  log.info(`[app] Streamwatch ${app.getVersion()} starting`);
  installSessionSecurity(session.defaultSession);
  serveRenderer(RENDERER_DIR);
  // Without it Windows shows no toast at all for an unpackaged app, and a wrong name for a packaged one.
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  const trayShown = await canShowTray(process.platform);
  let startHidden = startedAtLogin(process.platform, process.argv);
  const loginItem: LoginItemContext = { platform: process.platform, env: process.env, execPath: process.execPath };

  let window: BrowserWindow | null = null;
  const trusted = createTrustedWindows(isAppUrl);
  const broadcast = createBroadcast(trusted);
  const showMain = (): BrowserWindow => {
    if (window === null || window.isDestroyed()) {
      window = createMainWindow({
        preload: PRELOAD,
        url: START_URL,
        devTools: !app.isPackaged,
        isQuitting: () => quitting,
        trayShown: () => trayShown,
        startHidden,
        onHiddenToTray: () => void showTrayHintOnce(),
      });
      startHidden = false;
      trusted.add(window);
    } else {
      revealWindow(window);
    }
    return window;
  };
  const openAt = (incidentId: string | undefined): void => {
    showMain();
    broadcast('app:navigate', { view: 'alerts', ...(incidentId === undefined ? {} : { incidentId }) });
  };
  const notifier = createNotifier(openAt);
  // Read from the settings once the core is up, then kept current by `applied` below.
  let desktopPrefs: DesktopPrefs = DEFAULT_DESKTOP_PREFS;
  let updater: Updater | null = null;
  const updates = () =>
    updatesSwitch({
      env: process.env.STREAMWATCH_UPDATES,
      setting: desktopPrefs.checkForUpdates,
      packaged: app.isPackaged,
    });

  const keychain = createKeytarStore();
  const core = await createCore(
    { kind: 'settings', userDataDir: app.getPath('userData'), keychain, startDemo },
    {
      // net.fetch so the OS proxy settings apply to platform requests.
      makeEngine: (resolveCredentials) =>
        createEngine({
          fetch: (url, init) => net.fetch(url, init),
          clock: systemClock,
          resolveCredentials,
          systemEvents: powerEvents(powerMonitor),
          // The OS's own word on connectivity: only then is "offline" claimed.
          isNetworkDown: () => !net.isOnline(),
        }),
      clock: systemClock,
      sink: { notify: (notice) => notifier.show(notice) },
      info: { version: app.getVersion(), shell: 'electron' },
      desktop: {
        notes: () => [
          ...(trayShown ? [] : [NO_TRAY_NOTE]),
          ...(app.isPackaged
            ? []
            : ['Launch at login is registered by installed builds only, not by a development run.']),
          ...(updates().note === null ? [] : [updates().note!]),
        ],
        applied: async (prefs) => {
          desktopPrefs = prefs;
          updater?.reconsider();
          // A development run would register the bare Electron binary, which starts nothing useful at login.
          if (app.isPackaged) await setLaunchAtLogin(prefs.launchAtLogin, loginItem);
        },
      },
    },
  );
  const showTrayHintOnce = createTrayHint({ settings: core.settings, notify: (notice) => notifier.show(notice) });
  // What the window and tray show: this desktop's own polling, or the team collector it follows.
  const desk = createDesk({
    core,
    keychain,
    clock: systemClock,
    log: (message) => log.info(`[collector] ${message}`),
    sink: { notify: (notice) => notifier.show(notice) },
    prefs: core.notificationPrefs,
  });
  const { alerts, handlers } = desk;
  desktopPrefs = (await core.settings.view()).desktop?.prefs ?? desktopPrefs;
  registerIpcHandlers(handlers, trusted);
  const errors = createErrorMemory();
  const copyDiagnostics = (): void => {
    const snapshot = desk.hub.snapshot();
    const status = updater?.status();
    // Returns nothing in main (the Promise type in Electron's typings is the web Clipboard's).
    void clipboard.writeText(
      diagnosticsReport({
        versions: {
          Streamwatch: app.getVersion(),
          Electron: process.versions.electron,
          Chrome: process.versions.chrome,
          Node: process.versions.node,
        },
        os: { platform: process.platform, release: release(), arch: process.arch },
        generatedAt: Date.now(),
        demo: snapshot.demo,
        sources: snapshot.sources,
        recentErrors: errors.recent,
        logFolder,
        updates: updates().enabled ? `on${status ? `, ${status.phase}` : ''}` : (updates().note ?? 'off in Settings'),
      }),
    );
  };

  const tray = createTrayController({
    iconDir: app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'resources', 'tray'),
    actions: {
      openIncident: (id) => openAt(id),
      snoozeAll: (ms) => void handlers['alerts:snooze']({ minutes: Math.round(ms / 60_000) }),
      setPaused: (paused) => void handlers['polling:pause']({ paused }),
      openWindow: () => void showMain(),
      refreshNow: () => void handlers['polling:refresh']({}),
      quit: () => app.quit(),
      restartToUpdate: () => updater?.restart(),
    },
  });
  const showMenu = (updateLabel: string | null): void =>
    installAppMenu({
      isMac: process.platform === 'darwin',
      devTools: !app.isPackaged,
      onRefresh: () => void handlers['polling:refresh']({}),
      onNavigate: (request) => {
        showMain();
        broadcast('app:navigate', request);
      },
      onOpenLogs: () => void shell.openPath(logFolder),
      onCopyDiagnostics: copyDiagnostics,
      updateLabel,
      onRestartToUpdate: () => updater?.restart(),
    });
  showMenu(null);
  updater = startUpdater({
    clock: systemClock,
    switchNow: updates,
    onStatus: (status) => {
      tray.setUpdate(restartLabel(status));
      showMenu(restartLabel(status));
    },
    beforeRestart: () => {
      quitting = true;
    },
  });

  desk.hub.subscribe((patch) => {
    broadcast('state:patch', patch);
    for (const op of patch.ops) {
      if (op.op === 'flags') {
        tray.setPaused(op.paused);
        tray.setHistoryProblem(op.historyProblem);
      } else if (op.op === 'source') errors.observe(op.source);
      else if (op.op === 'source-removed') errors.forget(op.sourceId);
    }
  });
  // A collector out of reach is a warning: its incidents are only as fresh as its last patch.
  const showTray = () => {
    const link = desk.collectorStatus();
    tray.update(trayStateWithCollector(trayStateFromAlerts(alerts.view()), link !== null && link.state !== 'open'));
  };
  alerts.onChange((view) => {
    broadcast('alerts:changed', view);
    showTray();
  });
  desk.onCollectorStatus((status) => {
    broadcast('collector:status', status);
    showTray();
  });

  await desk.start();
  showTray();
  // A problem found while opening the history file was flagged before the tray listened.
  tray.setHistoryProblem(desk.hub.snapshot().historyProblem);
  showMain();
  if (core.notice !== null) notifier.show({ title: 'Streamwatch settings were reset', body: core.notice });

  app.on('second-instance', () => void showMain());
  app.on('activate', () => void showMain());
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopped = true;
    updater?.stop();
    tray.destroy();
    void desk
      .stop()
      .then(() => core.stop())
      .finally(() => app.quit());
  });
}
