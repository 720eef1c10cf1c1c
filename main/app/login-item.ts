import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { app } from 'electron';

/** The flag a login start carries, so the app knows to stay in the tray (Windows and Linux). */
export const HIDDEN_FLAG = '--hidden';

export interface LoginItemContext {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The binary that starts the app (process.execPath in a packaged build). */
  readonly execPath: string;
  readonly home?: string;
}

/** $XDG_CONFIG_HOME/autostart/streamwatch.desktop, with the XDG default of ~/.config. */
export function autostartFile(context: LoginItemContext): string {
  const configured = context.env.XDG_CONFIG_HOME;
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const configHome = configured && configured.startsWith('/') ? configured : join(context.home ?? homedir(), '.config');
  return join(configHome, 'autostart', 'streamwatch.desktop');
}

/**
 * An AppImage runs from a temporary mount whose path changes on every start;
 * $APPIMAGE is the file itself, which an update replaces in place, so the
 * entry keeps working after updates.
 */
export function autostartCommand(context: LoginItemContext): string {
  return [context.env.APPIMAGE || context.execPath, HIDDEN_FLAG].map(quoteExecArgument).join(' ');
}

/** Quoting as the Desktop Entry spec asks for Exec: double quotes, with \ " ` $ escaped inside. */
export function quoteExecArgument(argument: string): string {
  if (/^[A-Za-z0-9_./:=+-]+$/.test(argument)) return argument;
  return `"${argument.replace(/["`$\\]/g, (ch) => `\\${ch}`)}"`;
}

export function autostartEntry(context: LoginItemContext): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Streamwatch',
    'Comment=Video streaming monitor, started in the tray at login',
    `Exec=${autostartCommand(context)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Turns starting at login on or off, the way each OS expects. */
export async function setLaunchAtLogin(enabled: boolean, context: LoginItemContext): Promise<void> {
  if (context.platform === 'linux') {
    const file = autostartFile(context);
    if (enabled) {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, autostartEntry(context), { mode: 0o644 });
    } else {
      await rm(file, { force: true });
    }
    return;
  }
  // Windows starts the given path with the given arguments. macOS ignores args and tells the app
  // through wasOpenedAtLogin instead (its old openAsHidden option no longer exists).
  app.setLoginItemSettings({
    openAtLogin: enabled,
    ...(context.platform === 'win32' ? { path: context.execPath, args: [HIDDEN_FLAG] } : {}),
  });
}

/** True when this start came from the login item, so the window stays hidden and the app waits in the tray. */
export function startedAtLogin(platform: NodeJS.Platform, argv: readonly string[]): boolean {
  if (platform === 'darwin') return app.getLoginItemSettings().wasOpenedAtLogin === true;
  return argv.includes(HIDDEN_FLAG);
}
