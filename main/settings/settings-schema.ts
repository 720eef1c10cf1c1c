import { z } from 'zod';
import { SourceConfigSchema } from '@shared/model/source';

export const SETTINGS_VERSION = 2;

export const PreferencesSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  notifications: z
    .object({
      enabled: z.boolean().default(true),
      sound: z.boolean().default(false),
      /** Remind about a firing incident after this many minutes… */
      remindEveryMinutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .default(30),
      /** …at most this many times. */
      maxReminders: z.number().int().min(0).max(100).default(3),
      quietHours: z
        .object({
          enabled: z.boolean().default(false),
          start: z
            .string()
            .regex(/^\d{2}:\d{2}$/)
            .default('22:00'),
          end: z
            .string()
            .regex(/^\d{2}:\d{2}$/)
            .default('07:00'),
          criticalBypass: z.boolean().default(true),
        })
        .prefault({}),
    })
    .prefault({}),
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
});
export type Settings = z.infer<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({ version: SETTINGS_VERSION });
}
