import type { ProviderKind, SourceConfig } from '@shared/model/source';
import { createMemoryStore } from '../credentials/memory-store';
import { storeResolver } from '../credentials/store-resolver';
import { startApiVideoSim } from './api-video';
import { startConvivaSim } from './conviva';
import { startNaverSim } from './naver-vpe/sim';
import { DEMO_INCIDENTS } from './scenario';
import { DEMO_ZOOM_CREDENTIALS, startZoomSim } from './zoom-video-sdk';
import { providerFor } from '../providers/registry';
import type { SourceSetup as HeadlessSetup } from '../core/source-setup';

/**
 * `--demo`: the platform simulators on 127.0.0.1 (free ports), on the real
 * clock, with sources and in-memory secrets pointing at them. Healthy by
 * default — the scenario's incidents come and go on their own; tests that
 * need a failing source configure one themselves.
 *
 * Only platforms whose provider is registered in this build are started, so
 * a half-built platform never shows up as a broken demo source.
 */

interface DemoSource {
  readonly source: SourceConfig;
  readonly secrets: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

type DemoStarter = (now: () => number) => Promise<DemoSource>;

const source = (
  provider: ProviderKind,
  name: string,
  baseUrl: string,
  options: Record<string, unknown> = {},
): SourceConfig => ({
  id: `demo-${provider}`,
  provider,
  name,
  baseUrl,
  enabled: true,
  options,
});

const starters: Readonly<Record<ProviderKind, DemoStarter | undefined>> = {
  'naver-vpe': async (now) => {
    const sim = await startNaverSim({ now });
    return {
      source: source('naver-vpe', 'NAVER VPE (demo)', sim.url),
      secrets: { apiKey: sim.apiKey, projectId: sim.projectId },
      close: () => sim.close(),
    };
  },
  'api-video': async (now) => {
    const sim = await startApiVideoSim({ now, scenario: { seed: 1701, peakViewers: 160, incidents: DEMO_INCIDENTS } });
    return {
      source: source('api-video', 'api.video (demo)', sim.server.url),
      secrets: { apiKey: sim.apiKey },
      close: () => sim.server.close(),
    };
  },
  conviva: async (now) => {
    const sim = await startConvivaSim({ now });
    return {
      source: source('conviva', 'Conviva (demo)', sim.baseUrl),
      secrets: { ...sim.secrets },
      close: () => sim.server.close(),
    };
  },
  'zoom-video-sdk': async (now) => {
    const sim = await startZoomSim({ now, scenario: { seed: 4004, peakViewers: 60, incidents: DEMO_INCIDENTS } });
    return {
      source: source('zoom-video-sdk', 'Zoom Video SDK (demo)', sim.baseUrl),
      secrets: { ...DEMO_ZOOM_CREDENTIALS },
      close: () => sim.server.close(),
    };
  },
};

export async function startDemo(now: () => number = Date.now): Promise<HeadlessSetup> {
  const kinds = (Object.keys(starters) as ProviderKind[]).filter((kind) => starters[kind] && providerFor(kind));
  const started = await Promise.all(kinds.map((kind) => starters[kind]!(now)));
  const store = createMemoryStore();
  for (const demo of started) {
    for (const [field, value] of Object.entries(demo.secrets)) await store.set(demo.source.id, field, value);
  }
  return {
    sources: started.map((demo) => demo.source),
    resolve: storeResolver(store),
    presence: (sourceId) => {
      const found = started.find((demo) => demo.source.id === sourceId);
      return Object.fromEntries(Object.keys(found?.secrets ?? {}).map((field) => [field, true]));
    },
    origin: 'the built-in demo',
    demo: true,
    close: async () => {
      await Promise.all(started.map((demo) => demo.close()));
    },
  };
}
