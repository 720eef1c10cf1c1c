import type { SourceConfig, ViewerMetric } from '@shared/model/source';
import type { Endpoint, Provider } from '../providers/provider';
import { configHealth, type EndpointState } from './health';
import type { Reach } from './offline';
import type { Scheduler } from './scheduler/scheduler';
import { sameData } from './same-data';
import { resolveSource, sourceLabel, type Resolution, type SourceDeps } from './sources';
import type { SourceInfo, WritableStateHub } from './state-hub';
import { log } from '../log/logger';

export type Phase =
  | 'disabled'
  /** Waiting for secrets and the connection. */
  | 'resolving'
  /** Could not be set up (unknown provider, bad option, missing secret). */
  | 'failed'
  | 'polling'
  /** Credentials refused: waits for credentialsChanged. */
  | 'halted';

/** The engine's working record of one configured source. */
export interface Runtime {
  readonly id: string;
  config: SourceConfig;
  demo: boolean;
  label: string;
  phase: Phase;
  resolution: Extract<Resolution, { kind: 'ready' }> | null;
  /** The latest answer of each endpoint, by index. */
  latest: (EndpointState | undefined)[];
  reach: Reach | undefined;
  /** Bumped by every (re)start, so a slow resolution of an older config is ignored. */
  generation: number;
  ready: Promise<void>;
}

export interface SourceTable {
  get(sourceId: string): Runtime | undefined;
  all(): Runtime[];
  /** Unchanged sources keep their chains and data; removed ones go; changed ones restart. */
  /** `isDemo` says which sources are the demo's (their data is kept apart and labelled). */
  set(configs: readonly SourceConfig[], isDemo: (sourceId: string) => boolean): void;
  /** Resolves and connects again (the credentials changed). */
  restart(sourceId: string): void;
  /** Sources that could not be set up try again (a refresh after fixing the environment). */
  retryFailed(sourceId?: string): void;
  /** Resolves when every source has been resolved. */
  ready(): Promise<void>;
}

export interface SourceTableDeps {
  readonly hub: WritableStateHub;
  readonly scheduler: Scheduler;
  readonly sourceDeps: SourceDeps;
  /** Called when the set of polling sources changed (offline must be judged again). */
  readonly onChange: () => void;
}

const DEFAULT_INTERVAL_MS = 60_000;
const UNKNOWN_METRIC: ViewerMetric = {
  label: 'Viewers',
  unit: 'viewers',
  definition: 'Unknown provider: no definition.',
};

export function createSourceTable(deps: SourceTableDeps): SourceTable {
  const { hub, scheduler, sourceDeps } = deps;
  const runtimes = new Map<string, Runtime>();

  function info(runtime: Runtime, provider: Provider | undefined, intervalMs: number): SourceInfo {
    const { config } = runtime;
    return {
      id: config.id,
      name: config.name,
      provider: config.provider,
      providerLabel: provider?.label ?? config.provider,
      metric: provider?.metric ?? UNKNOWN_METRIC,
      demo: runtime.demo,
      intervalMs,
      reportingDelayMs: provider?.reportingDelayMs ?? 0,
    };
  }

  function begin(runtime: Runtime): void {
    const generation = ++runtime.generation;
    scheduler.remove(runtime.id);
    runtime.resolution = null;
    runtime.latest = [];
    runtime.reach = undefined;
    if (!runtime.config.enabled) {
      runtime.phase = 'disabled';
      runtime.ready = Promise.resolve();
      hub.setHealth(runtime.id, { status: 'paused', reason: 'Disabled in settings.', until: null });
      return;
    }
    runtime.phase = 'resolving';
    runtime.ready = resolveSource(runtime.config, sourceDeps)
      .catch((cause: unknown): Resolution => {
        log.error(`[engine] resolving ${runtime.id} failed`, cause);
        return {
          kind: 'failed',
          error: {
            kind: 'config',
            message: `${runtime.label}: the source could not be set up; the details are in the log.`,
          },
        };
      })
      .then((resolution) => {
        if (runtimes.get(runtime.id) !== runtime || runtime.generation !== generation) return;
        if (resolution.kind === 'failed') {
          runtime.phase = 'failed';
          const previous = hub.source(runtime.id)?.health ?? { status: 'unknown' };
          hub.setHealth(runtime.id, configHealth(resolution.error, previous, sourceDeps.now()));
        } else {
          runtime.phase = 'polling';
          runtime.resolution = resolution;
          const endpoints = resolution.connection.endpoints;
          hub.registerSource(info(runtime, resolution.provider, endpoints[0]?.intervalMs ?? DEFAULT_INTERVAL_MS));
          scheduler.add(
            runtime.id,
            runtime.label,
            endpoints.map((endpoint) => naming(resolution.provider, endpoint)),
          );
        }
        deps.onChange();
      });
  }

  function install(config: SourceConfig, demo: boolean, existing: Runtime | undefined): void {
    const provider = sourceDeps.providers(config.provider);
    const runtime: Runtime = existing ?? {
      id: config.id,
      config,
      demo,
      label: '',
      phase: 'resolving',
      resolution: null,
      latest: [],
      reach: undefined,
      generation: 0,
      ready: Promise.resolve(),
    };
    runtime.config = config;
    runtime.demo = demo;
    runtime.label = sourceLabel(config, provider);
    runtimes.set(config.id, runtime);
    hub.registerSource(info(runtime, provider, hub.source(config.id)?.intervalMs ?? DEFAULT_INTERVAL_MS));
    begin(runtime);
  }

  function drop(runtime: Runtime): void {
    runtime.generation += 1;
    scheduler.remove(runtime.id);
    runtimes.delete(runtime.id);
    hub.removeSource(runtime.id);
  }

  return {
    get: (sourceId) => runtimes.get(sourceId),
    all: () => [...runtimes.values()],
    set(configs, isDemo) {
      const wanted = new Set(configs.map((config) => config.id));
      for (const runtime of [...runtimes.values()]) if (!wanted.has(runtime.id)) drop(runtime);
      for (const config of configs) {
        const demo = isDemo(config.id);
        const existing = runtimes.get(config.id);
        if (existing !== undefined && existing.demo === demo && sameData(existing.config, config)) continue;
        // Another platform or host: the data held says nothing about the new one.
        if (
          existing !== undefined &&
          (existing.config.provider !== config.provider || existing.config.baseUrl !== config.baseUrl)
        ) {
          drop(existing);
          install(config, demo, undefined);
        } else {
          install(config, demo, existing);
        }
      }
      deps.onChange();
    },
    restart(sourceId) {
      const runtime = runtimes.get(sourceId);
      if (runtime === undefined) return;
      begin(runtime);
      deps.onChange();
    },
    retryFailed(sourceId) {
      for (const runtime of runtimes.values()) {
        if (runtime.phase === 'failed' && (sourceId === undefined || runtime.id === sourceId)) begin(runtime);
      }
    },
    async ready() {
      await Promise.all([...runtimes.values()].map((runtime) => runtime.ready));
    },
  };
}

/**
 * The HTTP layer's network and timeout sentences name a host, not a platform
 * ("Could not reach 127.0.0.1:41233 (connection refused)."): prefix them with
 * the platform's label here, once for every provider, like its other errors.
 */
function naming(provider: Provider, endpoint: Endpoint): Endpoint {
  const prefix = `${provider.label} · `;
  return {
    name: endpoint.name,
    intervalMs: endpoint.intervalMs,
    async poll(signal) {
      const result = await endpoint.poll(signal);
      if (result.ok || (result.error.kind !== 'network' && result.error.kind !== 'timeout')) return result;
      if (result.error.message.startsWith(provider.label)) return result;
      return { ok: false, error: { ...result.error, message: `${prefix}${result.error.message}` } };
    },
  };
}
