import { createHandlers, type HandlerDeps } from '../api/handlers';
import { createCollectorMetrics, type CollectorMetrics } from '../metrics/collector-metrics';
import type { RequestObserver } from '../metrics/metered-http';
import { providerList } from '../providers/registry';
import type { Core, CoreDeps } from './app-core';

/** What both roots assemble a core from; the request handlers are made here, once. */
export interface Parts
  extends
    Pick<HandlerDeps, 'sources' | 'settings' | 'receivers'>,
    Pick<Core, 'engine' | 'history' | 'alerts' | 'notice' | 'routing' | 'collectorLink' | 'notificationPrefs'> {
  readonly deps: CoreDeps;
  readonly attach: (observe: RequestObserver) => void;
}

export function assemble(parts: Parts, close: () => Promise<void>): Core {
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
