import { z } from 'zod';

/**
 * The user's preferences, declared once: the settings file stores them (filling
 * fields an older file lacks with the defaults below), and the IPC contract
 * carries them to the page and back.
 */
export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

const ClockTimeSchema = z.string().regex(/^\d{2}:\d{2}$/, 'a time as HH:MM');

export const NotificationPrefsSchema = z.object({
  enabled: z.boolean(),
  sound: z.boolean(),
  /** Remind about a firing incident after this many minutes… */
  remindEveryMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** …at most this many times. */
  maxReminders: z.number().int().min(0).max(100),
  quietHours: z.object({
    enabled: z.boolean(),
    start: ClockTimeSchema,
    end: ClockTimeSchema,
    criticalBypass: z.boolean(),
  }),
});
export type NotificationPrefs = z.infer<typeof NotificationPrefsSchema>;

export const DEFAULT_NOTIFICATION_PREFS: NotificationPrefs = {
  enabled: true,
  sound: false,
  remindEveryMinutes: 30,
  maxReminders: 3,
  quietHours: { enabled: false, start: '22:00', end: '07:00', criticalBypass: true },
};

/**
 * Stored preferences as written by any version: a field an older file lacks takes
 * its default, one level deep (the quiet hours included); a field of the wrong
 * type is still an error.
 */
export const StoredNotificationPrefsSchema = z.preprocess((stored) => {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return stored;
  const given = stored as Record<string, unknown>;
  const quiet = given.quietHours;
  return {
    ...DEFAULT_NOTIFICATION_PREFS,
    ...given,
    quietHours:
      typeof quiet === 'object' && quiet !== null && !Array.isArray(quiet)
        ? { ...DEFAULT_NOTIFICATION_PREFS.quietHours, ...quiet }
        : (quiet ?? DEFAULT_NOTIFICATION_PREFS.quietHours),
  };
}, NotificationPrefsSchema);

/** How the desktop app lives on the user's machine; headless mode has none of this. */
export const DesktopPrefsSchema = z.object({
  /** Off by default: starting at login is the user's choice, never assumed. */
  launchAtLogin: z.boolean(),
  /** Check for, and download, updates in the background (never installed without the user). */
  checkForUpdates: z.boolean(),
  /** The "Streamwatch keeps running in the tray" hint is shown once, the first time the window is closed. */
  trayHintShown: z.boolean(),
});
export type DesktopPrefs = z.infer<typeof DesktopPrefsSchema>;

export const DEFAULT_DESKTOP_PREFS: DesktopPrefs = {
  launchAtLogin: false,
  checkForUpdates: true,
  trayHintShown: false,
};

/** Stored desktop preferences: fields an older file lacks take their defaults. */
export const StoredDesktopPrefsSchema = z.preprocess(
  (stored) =>
    typeof stored === 'object' && stored !== null && !Array.isArray(stored)
      ? { ...DEFAULT_DESKTOP_PREFS, ...stored }
      : stored,
  DesktopPrefsSchema,
);
