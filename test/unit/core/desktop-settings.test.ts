import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DESKTOP_PREFS, type DesktopPrefs } from '@shared/model/preferences';
import { requests } from '@shared/ipc/contract';
import { createTrayHint } from '../../../main/app/tray-hint';
import { createSettingsService, fixedSettings } from '../../../main/core/settings-service';
import { createSourcesService } from '../../../main/core/sources-service';
import { createMemoryStore } from '../../../main/credentials/memory-store';
import { providerFor } from '../../../main/providers/registry';
import { defaultSettings } from '../../../main/settings/settings-schema';
import { createSettingsStore } from '../../../main/settings/settings-store';
import { fakeEngine, fakeHub, snapshotOf } from '../headless/fakes';

async function desktopApp(notes: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'sw-desktop-'));
  const store = createSettingsStore({ dir });
  await store.load();
  const sources = createSourcesService({
    settings: store,
    keychain: createMemoryStore(),
    session: createMemoryStore(),
    engine: fakeEngine(fakeHub(snapshotOf([], []))),
    providerFor,
  });
  const applied = vi.fn(async (_prefs: DesktopPrefs) => undefined);
  const settings = createSettingsService({
    store,
    sources: { ...sources, apply: () => undefined },
    keychain: async () => ({ available: true, message: null }),
    providerFor,
    notice: null,
    desktop: { notes: () => notes, applied },
  });
  return { dir, store, settings, applied };
}

describe('desktop preferences in Settings', () => {
  it('launch at login is off by default and updates on; the shell’s notes are shown', async () => {
    const { settings } = await desktopApp(['This desktop shows no tray icons.']);
    expect((await settings.view()).desktop).toEqual({
      prefs: DEFAULT_DESKTOP_PREFS,
      notes: ['This desktop shows no tray icons.'],
    });
  });

  it('turning launch at login on is saved to the file and handed to the shell to apply', async () => {
    const { dir, settings, applied } = await desktopApp();
    const args = requests['settings:set'].args.parse({ desktop: { launchAtLogin: true } });
    const result = await settings.set(args);
    expect(result.ok && result.value.desktop?.prefs.launchAtLogin).toBe(true);
    expect(applied).toHaveBeenCalledWith({ ...DEFAULT_DESKTOP_PREFS, launchAtLogin: true });
    const saved = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as {
      preferences: { desktop: DesktopPrefs };
    };
    expect(saved.preferences.desktop.launchAtLogin).toBe(true);
  });

  it('a change that is not a desktop one does not call the shell', async () => {
    const { settings, applied } = await desktopApp();
    await settings.set({ theme: 'dark' });
    expect(applied).not.toHaveBeenCalled();
  });

  it('the page cannot send an unknown desktop field', () => {
    expect(requests['settings:set'].args.safeParse({ desktop: { autoRestart: true } }).success).toBe(false);
  });

  it('the "still running in the tray" hint is shown once per installation, not once per start', async () => {
    const first = await desktopApp();
    const notify = vi.fn();
    const hint = createTrayHint({ settings: first.settings, notify });
    await hint();
    await hint();
    expect(notify).toHaveBeenCalledOnce();
    expect(notify.mock.calls[0]![0].body).toContain('Quit');
    // The next start reads the same settings folder: no hint again.
    const store = createSettingsStore({ dir: first.dir });
    await store.load();
    expect(store.current().preferences.desktop.trayHintShown).toBe(true);
    const later = vi.fn();
    const restarted = createSettingsService({
      store,
      sources: {
        ...createSourcesService({
          settings: store,
          keychain: createMemoryStore(),
          session: createMemoryStore(),
          engine: fakeEngine(fakeHub(snapshotOf([], []))),
          providerFor,
        }),
        apply: () => undefined,
      },
      keychain: async () => ({ available: true, message: null }),
      providerFor,
      notice: null,
      desktop: { notes: () => [], applied: async () => undefined },
    });
    await createTrayHint({ settings: restarted, notify: later })();
    expect(later).not.toHaveBeenCalled();
  });

  it('headless has no desktop section', async () => {
    const settings = fixedSettings({
      sources: [],
      origin: 'sources.json',
      demo: false,
      preferences: defaultSettings().preferences,
    });
    expect((await settings.view()).desktop).toBeNull();
  });
});
