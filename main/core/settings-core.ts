import { join } from 'node:path';
import type { SourceConfig } from '@shared/model/source';
import { createMemoryStore } from '../credentials/memory-store';
import { requestMeter } from '../metrics/metered-http';
import { providerFor } from '../providers/registry';
import { fileReceivers } from '../routing/receiver-store';
import { createSettingsStore } from '../settings/settings-store';
import type { Core, CoreDeps, CoreInput } from './app-core';
import { assemble } from './assemble-core';
import { createAlertsService } from './alerts-service';
import { createHistoryService, migrateIncidentFile } from './history-service';
import { layeredResolver } from './layered-resolver';
import { routingFor } from './routing-setup';
import { createSettingsService, type KeychainStatus } from './settings-service';
import type { SourceSetup as HeadlessSetup } from './source-setup';
import { createSourcesService } from './sources-service';

/**
 * The app, and headless without --config: sources, preferences and alert
 * overrides come from the settings file, secrets from the keychain (or this
 * session's memory), and the demo's simulators start only when asked for.
 */
export async function settingsCore(input: Extract<CoreInput, { kind: 'settings' }>, deps: CoreDeps): Promise<Core> {
  const store = createSettingsStore({ dir: input.userDataDir, now: deps.clock.now });
  const { notice } = await store.load();
  const session = createMemoryStore();
  let demo: HeadlessSetup | null = null;
  const resolve = layeredResolver({
    session,
    keychain: input.keychain,
    demo: () => demo?.resolve ?? null,
    sessionOnly: (sourceId) => store.current().sessionOnlySecrets.includes(sourceId),
  });
  const meter = requestMeter();
  const engine = deps.makeEngine(resolve, meter.meter);
  const demoSources = (): readonly SourceConfig[] => demo?.sources ?? [];
  const sources = createSourcesService({
    settings: store,
    keychain: input.keychain,
    session,
    engine,
    providerFor,
    demoSources,
  });
  async function applyAll(): Promise<void> {
    // The simulators start only when demo data is wanted, and then stay up (they are cheap).
    if (store.current().demo && !demo) demo = await input.startDemo();
    sources.apply();
  }
  await applyAll();

  let keychainStatus: { at: number; status: KeychainStatus } | null = null;
  const keychain = async (): Promise<KeychainStatus> => {
    if (keychainStatus && deps.clock.now() - keychainStatus.at < 30_000) return keychainStatus.status;
    const probe = await input.keychain.fields('__probe__');
    const status = probe.ok ? { available: true, message: null } : { available: false, message: probe.error.message };
    keychainStatus = { at: deps.clock.now(), status };
    return status;
  };
  const settings = createSettingsService({
    store,
    sources: { ...sources, apply: () => void applyAll() },
    keychain,
    providerFor,
    notice,
    desktop: deps.desktop,
  });
  const history = createHistoryService({
    hub: engine.hub,
    clock: deps.clock,
    dir: input.userDataDir,
    retention: () => store.current().preferences.history,
    saveRetention: async (retention) =>
      void (await store.update((s) => ({ ...s, preferences: { ...s.preferences, history: retention } }))),
  });
  migrateIncidentFile(join(input.userDataDir, 'incidents.jsonl'), history);
  const alerts = createAlertsService({
    hub: engine.hub,
    clock: deps.clock,
    sink: deps.sink,
    prefs: () => store.current().preferences.notifications,
    overrides: () => store.current().alerts,
    saveOverrides: async (overrides) => void (await store.update((s) => ({ ...s, alerts: overrides }))),
    history: history.incidents,
    baselines: history.baselines,
  });
  const receiverFile = fileReceivers(join(input.userDataDir, 'receivers.json'));
  const { routing, receivers } = routingFor(
    alerts,
    deps,
    receiverFile,
    input.keychain,
    () => store.current().preferences.notifications,
  );
  return assemble(
    {
      engine,
      sources,
      settings,
      alerts,
      receivers,
      history,
      notice: [notice, history.notice].filter(Boolean).join(' ') || null,
      deps,
      attach: meter.attach,
      routing,
      notificationPrefs: () => store.current().preferences.notifications,
      collectorLink: {
        current: () => store.current().collector,
        save: async (collector) => void (await store.update((s) => ({ ...s, collector }))),
      },
    },
    async () => {
      await demo?.close();
    },
  );
}
