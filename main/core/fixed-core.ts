import { defaultSettings } from '../settings/settings-schema';
import type { Core, CoreDeps } from './app-core';
import { assemble } from './assemble-core';
import { createAlertsService } from './alerts-service';
import { createHistoryService, DEFAULT_RETENTION } from './history-service';
import { requestMeter } from '../metrics/metered-http';
import { readOnlySources } from './read-only-sources';
import { configuredReceivers, routingFor } from './routing-setup';
import { fixedSettings } from './settings-service';
import type { SourceSetup as HeadlessSetup } from './source-setup';

/**
 * Headless --config / --demo: the sources are fixed for the run, the settings
 * are defaults nobody can change, overrides live in memory, and history goes
 * to `historyDir` (or stays in memory when null).
 */
export function fixedCore(setup: HeadlessSetup, historyDir: string | null, deps: CoreDeps): Core {
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
