import { describe, expect, it, vi } from 'vitest';
import { canShowTray } from '../../../main/app/tray-support';

describe('canShowTray', () => {
  it('Windows and macOS always have a tray; the bus is not asked', async () => {
    const ask = vi.fn(async () => false);
    expect(await canShowTray('win32', ask)).toBe(true);
    expect(await canShowTray('darwin', ask)).toBe(true);
    expect(ask).not.toHaveBeenCalled();
  });

  it('Linux has one only when a StatusNotifier watcher is on the session bus', async () => {
    expect(await canShowTray('linux', async () => true)).toBe(true);
    expect(await canShowTray('linux', async () => false)).toBe(false);
  });

  it('with no session bus at all (this test machine may have none) the answer is a boolean, not a throw', async () => {
    const previous = process.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/streamwatch-test-bus';
    try {
      expect(await canShowTray('linux')).toBe(false);
    } finally {
      if (previous === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = previous;
    }
  });
});
