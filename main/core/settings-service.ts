import type { SettingsView } from '@shared/ipc/contract';
import type { SourceConfig } from '@shared/model/source';
import { err, ok } from '@shared/result';
import type { SettingsPort } from '../api/app-ports';
import type { SourcesPort } from '../api/sources-port';
import type { Provider } from '../providers/provider';
import type { DesktopPrefs } from '@shared/model/preferences';
import type { Preferences } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import { exportSourcesJson, parseSourcesJson } from './sources-exchange';

/**
 * What the desktop shell adds to the settings: notes only it can make (no tray
 * here, updates switched off by the environment), and a call when the user
 * changes a desktop preference, so it can apply it (write the login item).
 */
export interface DesktopShell {
  notes(): string[];
  applied(prefs: DesktopPrefs): void | Promise<void>;
}

export interface KeychainStatus {
  readonly available: boolean;
  readonly message: string | null;
}

/** Settings backed by the settings file: the app, and headless without --config. */
export function createSettingsService(deps: {
  readonly store: SettingsStore;
  readonly sources: SourcesPort & { apply(): void };
  readonly keychain: () => Promise<KeychainStatus>;
  readonly providerFor: (kind: SourceConfig['provider']) => Provider<unknown> | undefined;
  readonly notice: string | null;
  readonly desktop?: DesktopShell;
}): SettingsPort {
  /** Every configured source still missing a secret; kept in view until they are entered. */
  const missingSecrets = async (): Promise<SettingsView['needSecrets']> => {
    const needs: SettingsView['needSecrets'] = [];
    for (const source of deps.store.current().sources) {
      const has = await deps.sources.hasCredentials(source.id);
      // Without a keychain nothing can be there (unless kept for this session, which answers here).
      const fields = (deps.providerFor(source.provider)?.secretFields ?? []).filter(
        (field) => !(has.ok && has.value[field]),
      );
      if (fields.length > 0) needs.push({ sourceId: source.id, fields });
    }
    return needs;
  };
  const view = async (): Promise<SettingsView> => {
    const s = deps.store.current();
    return {
      demo: s.demo,
      editable: true,
      theme: s.preferences.theme,
      notifications: s.preferences.notifications,
      keychain: await deps.keychain(),
      notice: deps.notice,
      location: deps.store.path,
      needSecrets: await missingSecrets(),
      desktop: deps.desktop ? { prefs: s.preferences.desktop, notes: deps.desktop.notes() } : null,
      // Filled in by the desk while this desktop follows a team collector.
      following: null,
    };
  };
  return {
    view,
    async set(change) {
      const demoChanged = change.demo !== undefined && change.demo !== deps.store.current().demo;
      await deps.store.update((s) => ({
        ...s,
        demo: change.demo ?? s.demo,
        preferences: {
          ...s.preferences,
          theme: change.theme ?? s.preferences.theme,
          notifications: { ...s.preferences.notifications, ...change.notifications },
          desktop: { ...s.preferences.desktop, ...change.desktop },
        },
      }));
      if (demoChanged) deps.sources.apply();
      if (change.desktop && deps.desktop) await deps.desktop.applied(deps.store.current().preferences.desktop);
      return ok(await view());
    },
    async exportSources() {
      return ok(exportSourcesJson(deps.store.current().sources));
    },
    async importSources(json) {
      const parsed = parseSourcesJson(json);
      if (!parsed.ok) return parsed;
      const imported: SourceConfig[] = [];
      const needSecrets: { sourceId: string; fields: string[] }[] = [];
      for (const source of parsed.value) {
        const saved = await deps.sources.save(source, {});
        if (!saved.ok) return err({ code: saved.error.code, message: `${source.name}: ${saved.error.message}` });
        imported.push(saved.value);
        const has = await deps.sources.hasCredentials(source.id);
        const fields = deps.providerFor(source.provider)?.secretFields ?? [];
        const missing = fields.filter((f) => !(has.ok && has.value[f]));
        if (missing.length > 0) needSecrets.push({ sourceId: source.id, fields: missing });
      }
      return ok({ imported, needSecrets });
    },
  };
}

/** Settings for headless --config / --demo: sources fixed by the run, preferences held in memory. */
export function fixedSettings(options: {
  readonly sources: readonly SourceConfig[];
  readonly origin: string;
  readonly demo: boolean;
  readonly preferences: Preferences;
}): SettingsPort & { preferences(): Preferences } {
  let preferences = options.preferences;
  const view = async (): Promise<SettingsView> => ({
    demo: options.demo,
    editable: false,
    theme: preferences.theme,
    notifications: preferences.notifications,
    keychain: { available: false, message: `Secrets come from ${options.origin}.` },
    notice: null,
    location: null,
    needSecrets: [],
    desktop: null,
    following: null,
  });
  return {
    view,
    preferences: () => preferences,
    async set(change) {
      if (change.demo !== undefined && change.demo !== options.demo) {
        return err({
          code: 'read-only',
          message: `The demo switch is fixed by how headless mode was started (${options.origin}).`,
        });
      }
      preferences = {
        ...preferences,
        theme: change.theme ?? preferences.theme,
        notifications: { ...preferences.notifications, ...change.notifications },
        desktop: { ...preferences.desktop, ...change.desktop },
      };
      return ok(await view());
    },
    exportSources: async () => ok(exportSourcesJson(options.sources)),
    importSources: async () =>
      err({
        code: 'read-only',
        message: `In headless mode the sources come from ${options.origin}; edit it and restart.`,
      }),
  };
}
