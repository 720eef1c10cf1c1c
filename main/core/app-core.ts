import { join } from 'node:path';
import type { SourceConfig } from '@shared/model/source';
import type { SettingsPort } from '../api/app-ports';
import type { Handlers } from '../api/dispatch';
import { createHandlers, type HandlerDeps } from '../api/handlers';
import type { CredentialStore } from '../credentials/credential-store';
import { createMemoryStore } from '../credentials/memory-store';
import type { AlertSink } from '../engine/alerts/alert-engine';
import type { NotificationPrefs } from '../engine/alerts/notify-policy';
import { createHistoryService, DEFAULT_RETENTION, migrateIncidentFile, type HistoryService } from './history-service';
import type { EngineDeps, StreamwatchEngine } from '../engine/engine';
import type { Clock, CredentialResolver } from '../engine/types';
import { readOnlySources } from './read-only-sources';
import { createCollectorMetrics, type CollectorMetrics } from '../metrics/collector-metrics';
import { requestMeter, type RequestObserver } from '../metrics/metered-http';
import { fileReceivers } from '../routing/receiver-store';
import type { FetchLike } from '../routing/router';
import type { RoutingService } from '../routing/routing-service';
import type { SourceSetup as HeadlessSetup } from './source-setup';
import { providerFor, providerList } from '../providers/registry';
import { defaultSettings } from '../settings/settings-schema';
import { createSettingsStore } from '../settings/settings-store';
import { createSourcesService } from './sources-service';
import { createAlertsService, type AlertsService } from './alerts-service';
import type { CollectorLinkSettings } from './desk';
import { layeredResolver } from './layered-resolver';
import { configuredReceivers, routingFor } from './routing-setup';
import { createSettingsService, fixedSettings, type DesktopShell, type KeychainStatus } from './settings-service';

/**
 * The engine and everything around it (sources, settings, alerts, request
 * handlers), built the same way for the Electron app and for headless mode.
 * Electron-free: the shell passes in what only it has (fetch, clock, sink).
 */
export type CoreInput =
  /**
   * Headless --config / --demo: sources fixed for the run. History goes to
   * `historyDir` (headless --user-data given too), or stays in memory when null.
   */
  | { readonly kind: 'fixed'; readonly setup: HeadlessSetup; readonly historyDir: string | null }
  /** The app, and headless without --config: the settings file and the keychain. */
  | {
      readonly kind: 'settings';
      readonly userDataDir: string;
      readonly keychain: CredentialStore;
      readonly startDemo: () => Promise<HeadlessSetup>;
    };

export interface CoreDeps {
  /** `meter` counts and times platform requests for /metrics; a shell may ignore it. */
  readonly makeEngine: (resolve: CredentialResolver, meter?: EngineDeps['meter']) => StreamwatchEngine;
  readonly clock: Clock;
  readonly sink: AlertSink;
  readonly info: { readonly version: string; readonly shell: 'electron' | 'headless' };
  /** For alert receivers; Node's fetch when omitted. */
  readonly fetch?: FetchLike;
  /** The desktop app's part of the settings (launch at login, updates); headless has none. */
  readonly desktop?: DesktopShell;
}

export interface Core {
  readonly engine: StreamwatchEngine;
  readonly handlers: Handlers;
  readonly alerts: AlertsService;
  readonly history: HistoryService;
  /** The same settings the page reads and changes; the desktop shell reads its preferences here at start. */
  readonly settings: SettingsPort;
  /** Something to tell the user at start (a corrupt settings file moved aside). */
  readonly notice: string | null;
  /** Prometheus metrics of this core, made on first use (only a serving collector needs them). */
  metrics(): CollectorMetrics;
  /** Sends incidents to the configured receivers (Slack, Teams, PagerDuty, webhook). */
  readonly routing: RoutingService;
  /** The team collector this desktop follows, kept in the settings file; null for fixed sources. */
  readonly collectorLink: CollectorLinkSettings | null;
  /** The notification preferences in force (quiet hours, sound, severity). */
  notificationPrefs(): NotificationPrefs;
  /** Polls, alerts and records; called again after standBy, it resumes. */
  start(): void;
  /** A team collector polls for this desktop: its own polling, alerting and routing wait, its data stays. */
  standBy(): void;
  stop(): Promise<void>;
}

export async function createCore(input: CoreInput, deps: CoreDeps): Promise<Core> {
  return input.kind === 'fixed' ? fixedCore(input.setup, input.historyDir, deps) : settingsCore(input, deps);
}

function fixedCore(setup: HeadlessSetup, historyDir: string | null, deps: CoreDeps): Core {
  const meter = requestMeter();
  const engine = deps.makeEngine(setup.resolve, meter.meter);
  engine.setSources(setup.sources, { demo: setup.demo });
  let retention = DEFAULT_RETENTION;
  const history = createHistoryService({
    hub: engine.hub,
    clock: deps.clock,
    dir: historyDir,
    retention: () => retention,
    saveRetention: async (next) => void (retention = next),
  });
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
    history: history.incidents,
    baselines: history.baselines,
  });
  const sources = readOnlySources({
    sources: setup.sources,
    origin: setup.origin,
    resolve: setup.resolve,
    presence: setup.presence,
  });
  const { store: receiverStore, secrets: receiverSecrets } = configuredReceivers(setup);
  const { routing, receivers } = routingFor(
    alerts,
    deps,
    receiverStore,
    receiverSecrets,
    () => settings.preferences().notifications,
  );
  return assemble(
    {
      engine,
      sources,
      settings,
      alerts,
      receivers,
      history,
      notice: history.notice,
      deps,
      attach: meter.attach,
      routing,
      collectorLink: null,
      notificationPrefs: () => settings.preferences().notifications,
    },
    () => setup.close(),
  );
}

async function settingsCore(input: Extract<CoreInput, { kind: 'settings' }>, deps: CoreDeps): Promise<Core> {
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

/** What both roots assemble a core from; the request handlers are made here, once. */
interface Parts
  extends
    Pick<HandlerDeps, 'sources' | 'settings' | 'receivers'>,
    Pick<Core, 'engine' | 'history' | 'alerts' | 'notice' | 'routing' | 'collectorLink' | 'notificationPrefs'> {
  readonly deps: CoreDeps;
  readonly attach: (observe: RequestObserver) => void;
}

function assemble(parts: Parts, close: () => Promise<void>): Core {
  const { engine, sources, settings, alerts, receivers, history, deps, attach, routing } = parts;
  const handlers = createHandlers({
    engine,
    sources,
    settings,
    alerts,
    receivers,
    history,
    providers: providerList,
    info: deps.info,
  });
  let metrics: CollectorMetrics | null = null;
  return {
    engine,
    handlers,
    alerts,
    history,
    settings,
    notice: parts.notice,
    routing,
    collectorLink: parts.collectorLink,
    notificationPrefs: parts.notificationPrefs,
    metrics() {
      if (metrics === null) {
        const made = createCollectorMetrics({
          hub: engine.hub,
          now: deps.clock.now,
          version: deps.info.version,
          viewerMetrics: providerList.map((p) => ({ provider: p.kind, metric: p.metric })),
          incidents: () => alerts.engine.incidents(),
          rules: () => alerts.rules(),
        });
        attach((record) => made.observeRequest(record));
        metrics = made;
      }
      return metrics;
    },
    start() {
      engine.setFollowing(false);
      engine.start();
      alerts.start();
      routing.start();
      history.start();
    },
    standBy() {
      engine.setFollowing(true);
      routing.stop();
      alerts.stop();
    },
    async stop() {
      metrics?.close();
      routing.stop();
      alerts.stop();
      await engine.stop();
      history.stop();
      await close();
    },
  };
}
