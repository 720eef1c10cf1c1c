import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DESKTOP_PREFS,
  DEFAULT_NOTIFICATION_PREFS,
  StoredDesktopPrefsSchema,
  StoredNotificationPrefsSchema,
} from '@shared/model/preferences';

describe('stored notification preferences', () => {
  it('fill what an older file lacks with the defaults, quiet hours included, and keep what it has', () => {
    const parsed = StoredNotificationPrefsSchema.parse({ sound: true, quietHours: { enabled: true } });
    expect(parsed).toEqual({
      ...DEFAULT_NOTIFICATION_PREFS,
      sound: true,
      quietHours: { ...DEFAULT_NOTIFICATION_PREFS.quietHours, enabled: true },
    });
  });

  it('still refuse a field of the wrong type', () => {
    expect(StoredNotificationPrefsSchema.safeParse({ remindEveryMinutes: 'often' }).success).toBe(false);
    expect(StoredNotificationPrefsSchema.safeParse({ quietHours: { start: '7 am' } }).success).toBe(false);
  });
});

describe('stored desktop preferences', () => {
  it('a settings file written before they existed reads launch at login as off, updates on', async () => {
    const { SettingsSchema } = await import('../../../main/settings/settings-schema');
    const old = SettingsSchema.parse({ version: 2, preferences: { theme: 'dark' } });
    expect(old.preferences.desktop).toEqual({ launchAtLogin: false, checkForUpdates: true, trayHintShown: false });
    const partial = SettingsSchema.parse({ version: 2, preferences: { desktop: { launchAtLogin: true } } });
    expect(partial.preferences.desktop).toEqual({ ...DEFAULT_DESKTOP_PREFS, launchAtLogin: true });
    expect(StoredDesktopPrefsSchema.safeParse({ launchAtLogin: 'yes' }).success).toBe(false);
  });
});
