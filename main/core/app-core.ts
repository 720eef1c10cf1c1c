import { join } from 'node:path';
import type { SourceConfig } from '@shared/model/source';
import type { Handlers } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import type { CredentialStore } from '../credentials/credential-store';
import { createMemoryStore } from '../credentials/memory-store';
import type { AlertSink } from '../engine/alerts/alert-engine';
import { memoryHistory, openHistoryFile } from '../engine/alerts/history-file';
import type { StreamwatchEngine } from '../engine/engine';
import type { Clock, CredentialResolver } from '../engine/types';
import { readOnlySources } from '../headless/read-only-sources';
import type { HeadlessSetup } from '../headless/setup';
import { providerFor, providerList } from '../providers/registry';
import { defaultSettings } from '../settings/settings-schema';
import { createSettingsStore } from '../settings/settings-store';
import { createSourcesService } from '../settings/sources-service';
import { createAlertsService, type AlertsService } from './alerts-service';
import { layeredResolver } from './layered-resolver';
import { createSettingsService, fixedSettings, type KeychainStatus } from './settings-service';

/**
 * The engine and everything around it (sources, settings, alerts, request
 * handlers), built the same way for the Electron app and for headless mode.
 * Electron-free: the shell passes in what only it has (fetch, clock, sink).
 */
export type CoreInput =
  /** Headless --config / --demo: sources fixed for the run, nothing written to disk. */
  | { readonly kind: 'fixed'; readonly setup: HeadlessSetup }
  /** The app, and headless without --config: the settings file and the keychain. */
  | {
      readonly kind: 'settings';
      readonly userDataDir: string;
      readonly keychain: CredentialStore;
      readonly startDemo: () => Promise<HeadlessSetup>;
    };

export interface CoreDeps {
  readonly makeEngine: (resolve: CredentialResolver) => StreamwatchEngine;
  readonly clock: Clock;
  readonly sink: AlertSink;
  readonly info: { readonly version: string; readonly shell: 'electron' | 'headless' };
}

export interface Core {
  readonly engine: StreamwatchEngine;
  readonly handlers: Handlers;
  readonly alerts: AlertsService;
  /** Something to tell the user at start (a corrupt settings file moved aside). */
  readonly notice: string | null;
  start(): void;
  stop(): Promise<void>;
}

export async function createCore(input: CoreInput, deps: CoreDeps): Promise<Core> {
  return input.kind === 'fixed' ? fixedCore(input.setup, deps) : settingsCore(input, deps);
}

function fixedCore(setup: HeadlessSetup, deps: CoreDeps): Core {
  const engine = deps.makeEngine(setup.resolve);
  engine.setSources(setup.sources, { demo: setup.demo });
  const settings = fixedSettings({
    sources: setup.sources,
    origin: setup.origin,
    demo: setup.demo,
    preferences: defaultSettings().preferences,
  });
  let overrides: Record<string, unknown> = {};
  const alerts = createAlertsService({
    hub: engine.hub,
    clock: deps.clock,
    sink: deps.sink,
    prefs: () => settings.preferences().notifications,
    overrides: () => overrides,
    saveOverrides: async (next) => void (overrides = next),
    history: memoryHistory(),
  });
  const sources = readOnlySources({
    sources: setup.sources,
    origin: setup.origin,
    resolve: setup.resolve,
    presence: setup.presence,
  });
  const handlers = createHandlers({ engine, sources, settings, alerts, providers: providerList, info: deps.info });
  return assemble(engine, handlers, alerts, null, () => setup.close());
}

async function settingsCore(input: Extract<CoreInput, { kind: 'settings' }>, deps: CoreDeps): Promise<Core> {
  const store = createSettingsStore({ dir: input.userDataDir, now: deps.clock.now });
  const { notice } = await store.load();
  const session = createMemoryStore();
  let demo: HeadlessSetup | null = null;
  const resolve = layeredResolver({ session, keychain: input.keychain, demo: () => demo?.resolve ?? null });
  const engine = deps.makeEngine(resolve);
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
  });
  const alerts = createAlertsService({
    hub: engine.hub,
    clock: deps.clock,
    sink: deps.sink,
    prefs: () => store.current().preferences.notifications,
    overrides: () => store.current().alerts,
    saveOverrides: async (overrides) => void (await store.update((s) => ({ ...s, alerts: overrides }))),
    history: openHistoryFile(join(input.userDataDir, 'incidents.jsonl')),
  });
  const handlers = createHandlers({ engine, sources, settings, alerts, providers: providerList, info: deps.info });
  return assemble(engine, handlers, alerts, notice, async () => {
    await demo?.close();
  });
}

function assemble(
  engine: StreamwatchEngine,
  handlers: Handlers,
  alerts: AlertsService,
  notice: string | null,
  close: () => Promise<void>,
): Core {
  return {
    engine,
    handlers,
    alerts,
    notice,
    start() {
      engine.start();
      alerts.start();
    },
    async stop() {
      alerts.stop();
      await engine.stop();
      await close();
    },
  };
}
