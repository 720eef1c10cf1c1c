import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { PushPayload } from '@shared/ipc/contract';
import { VIEWS } from '@shared/model/views';

export type NavigateRequest = PushPayload<'app:navigate'>;

export interface AppMenuOptions {
  readonly isMac: boolean;
  readonly devTools: boolean;
  readonly onRefresh: () => void;
  /** Sent to the page on the `app:navigate` channel, the same way tray items and notification clicks are. */
  readonly onNavigate: (request: NavigateRequest) => void;
  readonly onOpenLogs: () => void;
  readonly onCopyDiagnostics: () => void;
  /** "Restart to update to x.y.z" while a downloaded update waits; null hides the item. */
  readonly updateLabel?: string | null;
  readonly onRestartToUpdate?: () => void;
}

export function installAppMenu(options: AppMenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(options)));
}

/** Refresh replaces Chromium's reload on Cmd/Ctrl+R, which would only restart the page. */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const { isMac, onNavigate } = options;
  const settings: MenuItemConstructorOptions = {
    label: isMac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: () => onNavigate({ view: 'sources' }),
  };
  const update: MenuItemConstructorOptions[] = options.updateLabel
    ? [{ label: options.updateLabel, click: () => options.onRestartToUpdate?.() }, { type: 'separator' }]
    : [];

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Streamwatch',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            ...update,
            settings,
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: isMac ? [{ role: 'close' }] : [...update, settings, { type: 'separator' }, { role: 'quit' }],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { label: 'Refresh Now', accelerator: 'CmdOrCtrl+R', click: () => options.onRefresh() },
      {
        label: 'Search Sessions',
        accelerator: 'CmdOrCtrl+F',
        click: () => onNavigate({ view: 'sessions', focusSearch: true }),
      },
      { type: 'separator' },
      // The page's own list, so a view added there appears here with its label and digit.
      ...VIEWS.map((view): MenuItemConstructorOptions => ({
        label: view.label,
        accelerator: `CmdOrCtrl+${view.key}`,
        click: () => onNavigate({ view: view.id }),
      })),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.devTools ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Open Logs Folder', click: () => options.onOpenLogs() },
      { label: 'Copy Diagnostics', click: () => options.onCopyDiagnostics() },
    ],
  };
  // Edit carries the clipboard shortcuts for the settings forms (macOS has none without it).
  return [...appMenu, fileMenu, { role: 'editMenu' }, viewMenu, { role: 'windowMenu' }, helpMenu];
}
