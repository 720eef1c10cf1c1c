import type { Session } from '@shared/model/samples';
import type { Patch, Snapshot, SourceState } from '@shared/model/state';
import { err, ok } from '@shared/result';
import type { Engine, StateHub } from '../../../main/engine/types';
import { sourceError } from '@shared/model/errors';

export const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);

export function sourceState(id: string, health: SourceState['health'] = { status: 'ok' }): SourceState {
  return {
    id,
    name: `Source ${id}`,
    provider: 'naver-vpe',
    providerLabel: 'NAVER VPE',
    metric: { label: 'viewers', unit: 'viewers', definition: 'viewers per minute' },
    demo: false,
    health,
    lastOkAt: T0,
    intervalMs: 60_000,
    reportingDelayMs: 0,
    notes: [],
    rateLimit: null,
  };
}

export function session(
  sourceId: string,
  id: string,
  startedAt: number | null,
  events: Session['events'] = null,
): Session {
  return {
    sourceId,
    id,
    startedAt,
    endedAt: startedAt === null ? null : startedAt + 90_000,
    device: 'PC',
    os: 'Windows',
    videoType: 'VOD',
    failed: false,
    failures: [],
    startupTimeMs: 1200,
    rebufferingMs: 0,
    playingMs: 80_000,
    viewerId: null,
    title: null,
    country: null,
    participants: null,
    attributes: {},
    events,
  };
}

export function snapshotOf(sources: SourceState[], sessions: Session[], series: Snapshot['series'] = []): Snapshot {
  return {
    seq: 3,
    generatedAt: T0,
    demo: false,
    offline: false,
    paused: false,
    historyProblem: null,
    sources,
    series,
    sessions: sessions.map(({ events, ...rest }) => ({ ...rest, eventCount: events?.length ?? null })),
    breakdowns: [],
  };
}

/** A hub holding a fixed snapshot; `emit` plays a patch to subscribers. */
export function fakeHub(
  snapshot: Snapshot,
  sessions: Session[] = [],
): StateHub & { emit(patch: Patch): void; listeners(): number } {
  const listeners = new Set<(patch: Patch) => void>();
  return {
    snapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    session: (sourceId, sessionId) => sessions.find((s) => s.sourceId === sourceId && s.id === sessionId),
    emit: (patch) => listeners.forEach((listener) => listener(patch)),
    listeners: () => listeners.size,
  };
}

export interface FakeEngine extends Engine {
  readonly calls: string[];
  /** The ids the last setSources call named as the demo's own. */
  demoSourceIds?: ReadonlySet<string>;
}

export function fakeEngine(hub: StateHub): FakeEngine {
  const calls: string[] = [];
  const engine: FakeEngine = {
    hub,
    calls,
    setSources: (sources, options) => {
      engine.demoSourceIds = options?.demoSourceIds;
      calls.push(`setSources ${sources.map((s) => s.id).join(',')}`);
    },
    start: () => void calls.push('start'),
    stop: async () => void calls.push('stop'),
    refresh: (sourceId) => void calls.push(`refresh ${sourceId ?? '*'}`),
    setPaused: (paused) => void calls.push(`paused ${paused}`),
    setFollowing: (following) => void calls.push(`following ${following}`),
    pollOnce: async () => void calls.push('pollOnce'),
    testSource: async (source, secrets) => {
      calls.push(`test ${source.id} ${Object.keys(secrets).sort().join(',')}`);
      return secrets.apiKey === 'good'
        ? ok('3 sessions, 41 viewers now')
        : err(sourceError('auth', 'NAVER VPE refused the API key.'));
    },
    sessionDetail: async (sourceId, sessionId) => {
      const found = hub.session(sourceId, sessionId);
      return found ? ok(found) : err(sourceError('provider', `No session ${sessionId} on ${sourceId}.`));
    },
    credentialsChanged: (sourceId) => void calls.push(`credentialsChanged ${sourceId}`),
  };
  return engine;
}
