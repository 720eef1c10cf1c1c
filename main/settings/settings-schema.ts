import { z } from 'zod';
import {
  DEFAULT_DESKTOP_PREFS,
  DEFAULT_NOTIFICATION_PREFS,
  StoredDesktopPrefsSchema,
  StoredNotificationPrefsSchema,
  ThemeSchema,
} from '@shared/model/preferences';
import { SourceConfigSchema } from '@shared/model/source';
import { DEFAULT_RETENTION, RetentionSchema } from '@shared/model/history';
import { CollectorLinkConfigSchema } from '@shared/model/collector-status';

export const SETTINGS_VERSION = 2;

export const PreferencesSchema = z.object({
  theme: ThemeSchema.default('system'),
  notifications: StoredNotificationPrefsSchema.default(DEFAULT_NOTIFICATION_PREFS),
  /** How long history keeps each kind of data (older files lack it: the defaults). */
  history: RetentionSchema.default(DEFAULT_RETENTION),
  // Added without a version step: a file without it reads as the defaults, nothing is renamed.
  desktop: StoredDesktopPrefsSchema.default(DEFAULT_DESKTOP_PREFS),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

/**
 * The settings file. Loose at the top level so a field written by a newer
 * version survives a round trip through this one: nothing a user entered is
 * dropped silently.
 */
export const SettingsSchema = z.looseObject({
  version: z.literal(SETTINGS_VERSION),
  /** Demo data while no real source is configured; turned off when the first real source is saved. */
  demo: z.boolean().default(true),
  sources: z.array(SourceConfigSchema.loose()).default([]),
  preferences: PreferencesSchema.prefault({}),
  /** Alert rule overrides, owned by the alert engine (validated there). */
  alerts: z.record(z.string(), z.unknown()).default({}),
  /**
   * Sources whose secrets the user chose to keep for one session only (no keychain).
   * Remembered so that after a restart they are asked for again, not looked up in a
   * keychain that never held them.
   */
  sessionOnlySecrets: z.array(z.string()).default([]),
  /**
   * The team collector this desktop follows instead of polling, or null. Added without a
   * version step: older files read as null, and a newer one keeps it.
   */
  collector: CollectorLinkConfigSchema.nullable().default(null),
});
export type Settings = z.infer<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({ version: SETTINGS_VERSION });
}
