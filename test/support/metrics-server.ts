import type { StateHub } from '../../main/engine/types';
import { createHandlers } from '../../main/api/handlers';
import { readOnlySources } from '../../main/core/read-only-sources';
import { startServer, type RunningServer } from '../../main/headless/serve';
import type { CollectorMetrics } from '../../main/metrics/collector-metrics';
import type { MetricsGuard } from '../../main/metrics/metrics-access';
import { fakeEngine } from '../unit/headless/fakes';
import { quietPorts } from './core-fakes';

/** headless --serve on a loopback port with no sources, serving `/metrics` from a held hub. */
export async function startMetricsServer(options: {
  readonly hub: StateHub;
  readonly metrics: CollectorMetrics;
  readonly guard: MetricsGuard;
  readonly rendererRoot: string;
}): Promise<RunningServer> {
  const handlers = createHandlers({
    engine: fakeEngine(options.hub),
    sources: readOnlySources({
      sources: [],
      origin: 'test',
      resolve: async () => ({ ok: true, value: {} }),
      presence: () => ({}),
    }),
    providers: [],
    info: { version: '0.1.0', shell: 'headless' },
    ...quietPorts(),
  });
  const started = await startServer({
    port: 0,
    rendererRoot: options.rendererRoot,
    handlers,
    hub: options.hub,
    metrics: { metrics: options.metrics, guard: options.guard },
  });
  if (!started.ok) throw new Error(started.error);
  return started.value;
}
