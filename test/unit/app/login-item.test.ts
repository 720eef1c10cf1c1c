import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApp } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());

const { autostartFile, quoteExecArgument, setLaunchAtLogin, startedAtLogin } =
  await import('../../../main/app/login-item');

beforeEach(() => {
  fakeApp.setLoginItemSettings.mockClear();
  fakeApp.loginItem = { openAtLogin: false, wasOpenedAtLogin: false };
});

describe('launch at login on Linux: an XDG autostart entry', () => {
  async function linux(env: Record<string, string | undefined> = {}) {
    const configHome = await mkdtemp(join(tmpdir(), 'sw-xdg-'));
    return {
      configHome,
      context: {
        platform: 'linux' as const,
        env: { XDG_CONFIG_HOME: configHome, ...env },
        execPath: '/opt/Streamwatch/streamwatch',
      },
    };
  }

  it('writes $XDG_CONFIG_HOME/autostart/streamwatch.desktop that starts hidden, and removes it when turned off', async () => {
    const { configHome, context } = await linux();
    const file = join(configHome, 'autostart', 'streamwatch.desktop');
    await setLaunchAtLogin(true, context);
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')[0]).toBe('[Desktop Entry]');
    expect(text).toContain('Type=Application\n');
    expect(text).toContain('Exec=/opt/Streamwatch/streamwatch --hidden\n');
    await setLaunchAtLogin(false, context);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    // Turning off what is already off is not an error.
    await setLaunchAtLogin(false, context);
    expect(fakeApp.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('points Exec at $APPIMAGE when set, so it survives an update, quoting a path with spaces', async () => {
    const { configHome, context } = await linux({ APPIMAGE: '/home/op/My Apps/Streamwatch.AppImage' });
    await setLaunchAtLogin(true, context);
    const text = await readFile(join(configHome, 'autostart', 'streamwatch.desktop'), 'utf8');
    expect(text).toContain('Exec="/home/op/My Apps/Streamwatch.AppImage" --hidden\n');
  });

  it('falls back to ~/.config when XDG_CONFIG_HOME is unset or relative', () => {
    const base = { platform: 'linux' as const, execPath: '/x', home: '/home/op' };
    expect(autostartFile({ ...base, env: {} })).toBe('/home/op/.config/autostart/streamwatch.desktop');
    expect(autostartFile({ ...base, env: { XDG_CONFIG_HOME: 'rel' } })).toBe(
      '/home/op/.config/autostart/streamwatch.desktop',
    );
  });

  it('escapes the characters the Desktop Entry spec reserves inside quotes', () => {
    expect(quoteExecArgument('/a/b')).toBe('/a/b');
    expect(quoteExecArgument('/a b/$x"`\\')).toBe('"/a b/\\$x\\"\\`\\\\"');
  });

  it('a start with --hidden is a login start', () => {
    expect(startedAtLogin('linux', ['/x', '--hidden'])).toBe(true);
    expect(startedAtLogin('linux', ['/x'])).toBe(false);
  });
});

describe('launch at login on Windows and macOS: the login item', () => {
  it('Windows registers the binary with --hidden and reads it back from argv', async () => {
    await setLaunchAtLogin(true, { platform: 'win32', env: {}, execPath: 'C:\\SW\\Streamwatch.exe' });
    expect(fakeApp.setLoginItemSettings).toHaveBeenCalledWith({
      openAtLogin: true,
      path: 'C:\\SW\\Streamwatch.exe',
      args: ['--hidden'],
    });
    expect(startedAtLogin('win32', ['C:\\SW\\Streamwatch.exe', '--hidden'])).toBe(true);
    await setLaunchAtLogin(false, { platform: 'win32', env: {}, execPath: 'C:\\SW\\Streamwatch.exe' });
    expect(fakeApp.setLoginItemSettings).toHaveBeenLastCalledWith(expect.objectContaining({ openAtLogin: false }));
  });

  it('macOS sets openAtLogin only, and learns of a login start from wasOpenedAtLogin', async () => {
    await setLaunchAtLogin(true, { platform: 'darwin', env: {}, execPath: '/Applications/Streamwatch.app' });
    expect(fakeApp.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
    expect(startedAtLogin('darwin', ['/x', '--hidden'])).toBe(false);
    fakeApp.loginItem = { ...fakeApp.loginItem, wasOpenedAtLogin: true };
    expect(startedAtLogin('darwin', ['/x'])).toBe(true);
  });
});
