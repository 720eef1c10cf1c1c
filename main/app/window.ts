import type { BrowserWindow } from 'electron';
import { createSecureWindow } from './security';
import { log } from '../log/logger';

export interface MainWindowOptions {
  readonly preload: string;
  readonly url: string;
  readonly devTools: boolean;
  /** True once the user chose Quit: only then does closing the window really close it. */
  readonly isQuitting: () => boolean;
  readonly icon?: string;
  /** False where no tray icon can be shown: closing then minimizes, so the app is never out of reach. */
  readonly trayShown?: () => boolean;
  /** Starting at login: the window is made but stays hidden, the app waits in the tray. */
  readonly startHidden?: boolean;
  /** Called each time closing hides the window into the tray (the app shows a hint the first time). */
  readonly onHiddenToTray?: () => void;
}

/**
 * The one window. It is created hidden and shown when its first paint is
 * ready (no white flash). Closing it hides it: the app lives on in the tray,
 * keeps polling and keeps alerting, which is the point of a monitor.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = createSecureWindow(
    {
      width: 1280,
      height: 820,
      minWidth: 820,
      minHeight: 520,
      show: false,
      title: 'Streamwatch',
      backgroundColor: '#101418',
      ...(options.icon !== undefined ? { icon: options.icon } : {}),
    },
    { preload: options.preload, devTools: options.devTools },
  );

  window.once('ready-to-show', () => {
    if (!options.startHidden) {
      window.show();
    } else if (options.trayShown?.() === false) {
      // Without a tray a hidden start would leave nothing on screen, so it starts minimized instead.
      window.showInactive();
      window.minimize();
    }
  });
  window.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    if (options.trayShown?.() === false) {
      window.minimize();
      return;
    }
    window.hide();
    options.onHiddenToTray?.();
  });

  window.loadURL(options.url).catch((cause: unknown) => {
    log.error('[window] could not load the renderer', cause instanceof Error ? cause.message : cause);
  });
  return window;
}

/** Brings the window forward because the user asked (tray, notification click, second launch). */
export function revealWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Shows the page at a place inside it (`alerts/<incident id>`) by changing
 * only the URL fragment: a same-document navigation, so nothing reloads and
 * the page reads it from `location.hash` (it works the same in a browser).
 */
export function revealAt(window: BrowserWindow, fragment: string): void {
  revealWindow(window);
  if (window.isDestroyed()) return;
  let url: URL;
  try {
    url = new URL(window.webContents.getURL());
  } catch {
    return;
  }
  url.hash = fragment;
  window.loadURL(url.toString()).catch((cause: unknown) => {
    log.warn(`[window] could not open ${fragment}`, cause instanceof Error ? cause.message : cause);
  });
}
