import { Menu, type MenuItemConstructorOptions, type WebContents } from 'electron';

/** Commands the application menu gives. Only `refresh` is main's to carry out; the rest belong to the page. */
export type MenuCommand = 'refresh' | 'search' | 'view-1' | 'view-2' | 'view-3' | 'settings';
export type PageCommand = Exclude<MenuCommand, 'refresh'>;

/**
 * The page's own single-key shortcuts (renderer/src/use-shortcuts.ts: "/"
 * search, digits for views), which it also needs in a browser under headless
 * --serve. A menu command reaches the page as that key press, so there is one
 * keyboard handler and no extra IPC channel. "," (settings) waits for the
 * settings view.
 */
const PAGE_KEYS: Readonly<Record<PageCommand, string>> = {
  search: '/',
  'view-1': '1',
  'view-2': '2',
  'view-3': '3',
  settings: ',',
};

/** renderer/src/views.ts, in order. */
export const VIEW_LABELS = ['Overview', 'Sessions', 'Sources Health'] as const;

export interface AppMenuOptions {
  readonly isMac: boolean;
  readonly devTools: boolean;
  readonly onCommand: (command: MenuCommand) => void;
}

export function installAppMenu(options: AppMenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(options)));
}

/** Refresh replaces Chromium's reload on Cmd/Ctrl+R, which would only restart the page. */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const { isMac, onCommand } = options;
  const item = (label: string, accelerator: string, command: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => onCommand(command),
  });
  const settings = item(isMac ? 'Settings…' : 'Settings', 'CmdOrCtrl+,', 'settings');

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Streamwatch',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
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
    submenu: isMac ? [{ role: 'close' }] : [settings, { type: 'separator' }, { role: 'quit' }],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      item('Refresh Now', 'CmdOrCtrl+R', 'refresh'),
      item('Search Sessions', 'CmdOrCtrl+F', 'search'),
      { type: 'separator' },
      item(VIEW_LABELS[0], 'CmdOrCtrl+1', 'view-1'),
      item(VIEW_LABELS[1], 'CmdOrCtrl+2', 'view-2'),
      item(VIEW_LABELS[2], 'CmdOrCtrl+3', 'view-3'),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.devTools ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  // Edit carries the clipboard shortcuts for the settings forms (macOS has none without it).
  return [...appMenu, fileMenu, { role: 'editMenu' }, viewMenu, { role: 'windowMenu' }];
}

/** Delivers a page command as the page's own key press. */
export function forwardToPage(contents: WebContents, command: PageCommand): void {
  if (contents.isDestroyed()) return;
  const keyCode = PAGE_KEYS[command];
  contents.sendInputEvent({ type: 'keyDown', keyCode });
  contents.sendInputEvent({ type: 'keyUp', keyCode });
}
