import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { log } from '../log/logger';

/**
 * Electron's security checklist, fixed in code. None of this is a setting:
 * there is deliberately no option that turns any of it off.
 */

/** The same policy as renderer/index.html's meta tag; the header is the one that counts. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type SecureWindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

/**
 * The only way Streamwatch makes a window. The webPreferences are written out
 * here as a literal (not built elsewhere and passed in) so that a reader and
 * the security scanner see every value at the one place it is set; the caller
 * cannot pass its own, and anything smuggled in is overwritten by the spread order.
 */
export function createSecureWindow(
  options: SecureWindowOptions,
  page: { readonly preload: string; readonly devTools?: boolean },
): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload: page.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would ask for a new window; they are denied anyway, this stops the request.
      disableBlinkFeatures: 'Auxclick',
      devTools: page.devTools ?? false,
    },
  });
}

/**
 * Session-wide rules. The CSP header is added to every http(s) response
 * (the dev server, anything else a page might load). Electron does not run
 * webRequest's header hooks for custom protocols, so app-protocol.ts puts the
 * same header on every app:// response itself.
 */
export function installSessionSecurity(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // The renderer needs no camera, notifications, clipboard or anything else:
  // alerts are shown by main through Electron's Notification, not the web API.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export interface NavigationPolicy {
  /** Is this URL on the app's own origin? */
  readonly isAppUrl: (url: string) => boolean;
  /** May this URL be opened in the user's browser? */
  readonly isAllowedExternal: (url: string) => boolean;
}

/**
 * Per web contents (applied to every one through app's `web-contents-created`):
 * no navigation off the app's origin, no new windows, no <webview>. A link the
 * app itself produced (an allowed https URL) opens in the user's browser.
 */
export function hardenWebContents(contents: WebContents, policy: NavigationPolicy): void {
  const openOutside = (url: string): void => {
    if (!policy.isAllowedExternal(url)) return;
    shell.openExternal(url).catch((cause: unknown) => {
      log.warn('[security] could not open an external link', cause instanceof Error ? cause.message : cause);
    });
  };

  contents.on('will-navigate', (event) => {
    if (policy.isAppUrl(event.url)) return;
    event.preventDefault();
    openOutside(event.url);
  });
  // A redirect is the server's choice, not a link the app produced: block, open nothing.
  contents.on('will-redirect', (event) => {
    if (!policy.isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
