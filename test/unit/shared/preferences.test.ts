import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_PREFS, StoredNotificationPrefsSchema } from '@shared/model/preferences';

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
