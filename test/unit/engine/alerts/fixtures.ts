import type { SessionRow, SourceState } from '@shared/model/state';

export const MIN = 60_000;

export function source(overrides: Partial<SourceState> = {}): SourceState {
  return {
    id: 'naver-main',
    name: 'NAVER main',
    provider: 'naver-vpe',
    providerLabel: 'NAVER VPE',
    metric: { label: 'NAVER current viewers', unit: 'viewers', definition: 'x' },
    demo: false,
    health: { status: 'ok' },
    lastOkAt: 0,
    intervalMs: MIN,
    notes: [],
    rateLimit: null,
    ...overrides,
  };
}

export function sessions(count: number, failed: number, at: number, overrides: Partial<SessionRow> = {}): SessionRow[] {
  return Array.from({ length: count }, (_, i) => ({
    sourceId: 'naver-main',
    id: `s${at}-${i}`,
    startedAt: at,
    endedAt: at + MIN,
    device: 'PC',
    os: 'Windows',
    videoType: null,
    failed: i < failed,
    failures: [],
    startupTimeMs: 1500,
    rebufferingMs: 100,
    playingMs: 60_000,
    viewerId: null,
    title: null,
    country: null,
    participants: null,
    attributes: {},
    eventCount: null,
    ...overrides,
  }));
}
