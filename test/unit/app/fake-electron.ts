import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module (no Electron binary runs here). Each
 * test file mocks 'electron' with `fakeElectron`, then inspects what the code
 * under test did to it. Only the surface the shell uses is modelled.
 */

export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  destroyed = false;
  crashed = false;
  mainFrame = { url: 'app://streamwatch/index.html', parent: null as unknown };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly send = vi.fn();
  readonly sendInputEvent = vi.fn();
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isCrashed(): boolean {
    return this.crashed;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  visible = false;
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn(() => {
    this.visible = true;
  });
  readonly hide = vi.fn(() => {
    this.visible = false;
  });
  readonly focus = vi.fn();
  minimized = false;
  readonly minimize = vi.fn(() => {
    this.minimized = true;
  });
  readonly showInactive = vi.fn(() => {
    this.visible = true;
  });
  readonly restore = vi.fn();
  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  /** What Electron does on close: destroys the window and its contents, then emits 'closed'. */
  destroyNow(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export class FakeTray extends EventEmitter {
  static created: FakeTray[] = [];
  image: unknown;
  tooltip = '';
  menu: { template: MenuTemplateItem[] } | null = null;
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    FakeTray.created.push(this);
  }
  setImage(image: unknown): void {
    this.image = image;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: { template: MenuTemplateItem[] } | null): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export interface MenuTemplateItem {
  label?: string;
  type?: string;
  role?: string;
  checked?: boolean;
  enabled?: boolean;
  accelerator?: string;
  registerAccelerator?: boolean;
  click?: () => void;
  submenu?: MenuTemplateItem[];
}

export class FakeNotification extends EventEmitter {
  static created: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  readonly show = vi.fn();
  constructor(readonly options: { title: string; body: string; silent?: boolean }) {
    super();
    FakeNotification.created.push(this);
  }
}

export const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: false,
  shouldUseDarkColorsForSystemIntegratedUI: false,
});

export const ipcMain = {
  handlers: new Map<string, (event: unknown, args: unknown) => unknown>(),
  handle: vi.fn((channel: string, handler: (event: unknown, args: unknown) => unknown) => {
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (channel: string, args: unknown) => ({ channel, args })),
});

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, value: unknown) => {
    contextBridge.exposed.set(key, value);
  }),
};

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: MenuTemplateItem[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const nativeImage = {
  createFromPath: vi.fn((path: string) => ({ path })),
};

export const powerMonitor = new EventEmitter();

/** A fresh electron module for vi.mock's factory; state lives in the exports above. */
export function fakeElectron(): Record<string, unknown> {
  return {
    app: fakeApp,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Notification: FakeNotification,
    Menu,
    nativeImage,
    nativeTheme,
    ipcMain,
    ipcRenderer,
    contextBridge,
    shell,
    protocol,
    powerMonitor,
  };
}

/** A session whose security hooks record what was installed. */
export function fakeSession() {
  const calls = {
    headers: null as null | ((details: unknown, callback: (response: unknown) => void) => void),
    permissionRequest: null as
      null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    devicePermission: null as null | ((...args: unknown[]) => boolean),
  };
  const session = {
    webRequest: { onHeadersReceived: (listener: typeof calls.headers) => (calls.headers = listener) },
    setPermissionRequestHandler: (handler: typeof calls.permissionRequest) => (calls.permissionRequest = handler),
    setPermissionCheckHandler: (handler: typeof calls.permissionCheck) => (calls.permissionCheck = handler),
    setDevicePermissionHandler: (handler: typeof calls.devicePermission) => (calls.devicePermission = handler),
  };
  return { session, calls };
}

/** The login-item part of `app`, recording what was asked of it. */
export const fakeApp = {
  loginItem: { openAtLogin: false, wasOpenedAtLogin: false } as Record<string, unknown>,
  setLoginItemSettings: vi.fn((settings: Record<string, unknown>) => {
    fakeApp.loginItem = { ...fakeApp.loginItem, ...settings };
  }),
  getLoginItemSettings: vi.fn(() => fakeApp.loginItem),
  setAppUserModelId: vi.fn(),
};
