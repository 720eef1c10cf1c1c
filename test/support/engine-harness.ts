import { sourceError } from '@shared/model/errors';
import type { SourceConfig } from '@shared/model/source';
import type { Patch } from '@shared/model/state';
import { err, ok } from '@shared/result';
import { createEngine, type EngineDeps, type StreamwatchEngine } from '../../main/engine/engine';
import type { CredentialResolver } from '../../main/engine/types';
import { installFakeClock, type FakeClock } from './fake-clock';
import { createFakeFetch, type FakeFetch } from './fake-fetch';
import { createFakeProvider, type FakeProvider, type FakeProviderOptions } from './fake-provider';
import { createFakeSystemEvents, type FakeSystemEvents } from './fake-system-events';

export interface Harness {
  readonly clock: FakeClock;
  readonly fake: FakeProvider;
  readonly net: FakeFetch;
  readonly system: FakeSystemEvents;
  readonly engine: StreamwatchEngine;
  /** Secrets by source id, as the keychain would hold them; tests may change them. */
  readonly secrets: Map<string, Record<string, string>>;
  readonly patches: Patch[];
  dispose(): Promise<void>;
}

export interface HarnessOptions extends Partial<
  Pick<EngineDeps, 'random' | 'pollTimeoutMs' | 'sessionCapacity' | 'seriesCapacity'>
> {
  readonly provider?: FakeProviderOptions;
}

/** An engine on a fake clock with a scripted provider, fake fetch, fake system events and an in-memory keychain. */
export function createHarness(options: HarnessOptions = {}): Harness {
  const clock = installFakeClock();
  const fake = createFakeProvider(options.provider);
  const net = createFakeFetch();
  const system = createFakeSystemEvents();
  const secrets = new Map<string, Record<string, string>>();
  // Like the env-store: a missing secret is a config error naming the variable to set.
  const resolveCredentials: CredentialResolver = async (source, fields) => {
    const held = secrets.get(source.id) ?? {};
    const missing = fields.filter((field) => !held[field]);
    if (missing.length > 0) {
      const names = missing.map((field) => `STREAMWATCH_${source.id.toUpperCase()}_${field.toUpperCase()}`);
      const verb = names.length === 1 ? 'is' : 'are';
      return err(
        sourceError(
          'config',
          `The environment variable${names.length === 1 ? '' : 's'} ${names.join(' and ')} ${verb} not set.`,
        ),
      );
    }
    return ok(Object.fromEntries(fields.map((field) => [field, held[field]!])));
  };
  const engine = createEngine({
    fetch: net.fetch,
    clock,
    random: options.random ?? (() => 0.5),
    resolveCredentials,
    systemEvents: system,
    providers: (kind) => (kind === fake.provider.kind ? fake.provider : undefined),
    pollTimeoutMs: options.pollTimeoutMs,
    sessionCapacity: options.sessionCapacity,
    seriesCapacity: options.seriesCapacity,
  });
  const patches: Patch[] = [];
  engine.hub.subscribe((patch) => patches.push(patch));
  return {
    clock,
    fake,
    net,
    system,
    engine,
    secrets,
    patches,
    async dispose() {
      await stopEngine(engine, clock);
      clock.uninstall();
    },
  };
}

export function sourceConfig(id: string, overrides: Partial<SourceConfig> = {}): SourceConfig {
  return { id, provider: 'naver-vpe', name: `Source ${id}`, enabled: true, options: {}, ...overrides };
}

/** Stores secrets for each id and returns their configs. */
export function withSecrets(harness: Harness, ...ids: string[]): SourceConfig[] {
  for (const id of ids) harness.secrets.set(id, { apiKey: `key-${id}`, projectId: `project-${id}` });
  return ids.map((id) => sourceConfig(id));
}

/**
 * engine.stop() on fake time: bottleneck needs a few (fake) milliseconds to
 * drop its queues, so time moves on until stop has resolved.
 */
export async function stopEngine(engine: StreamwatchEngine, clock: FakeClock): Promise<void> {
  let stopped = false;
  const stopping = engine.stop().then(() => {
    stopped = true;
  });
  for (let ms = 0; !stopped && ms < 10_000; ms++) await clock.advance(1);
  await stopping;
}
