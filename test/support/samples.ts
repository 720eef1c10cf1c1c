import type { Session, ViewerPoint } from '@shared/model/samples';
import type { Snapshot } from '@shared/model/state';
import { sourceError, type SourceError } from '@shared/model/errors';

/** A snapshot with nothing in it, numbered `seq`; spread over it what a test needs. */
export const emptySnapshot = (seq: number): Snapshot => ({
  seq,
  generatedAt: 0,
  demo: false,
  offline: false,
  paused: false,
  historyProblem: null,
  sources: [],
  series: [],
  sessions: [],
  breakdowns: [],
});

export const point = (at: number, viewers: number): ViewerPoint => ({ at, viewers });

/** A session with every field set to something plausible; override what a test cares about. */
export function session(sourceId: string, id: string, overrides: Partial<Session> = {}): Session {
  return {
    sourceId,
    id,
    startedAt: 1_700_000_000_000,
    endedAt: null,
    device: 'PC',
    os: 'Windows',
    videoType: 'LIVE',
    failed: false,
    failures: [],
    startupTimeMs: 800,
    rebufferingMs: 0,
    playingMs: 60_000,
    viewerId: null,
    title: null,
    country: 'KR',
    participants: null,
    attributes: {},
    events: [],
    ...overrides,
  };
}

export const networkError = (message = 'Could not reach fake.example (connection refused).'): SourceError =>
  sourceError('network', message);
export const authError = (): SourceError => sourceError('auth', 'Fake refused the credentials (401).', { status: 401 });
export const serverError = (): SourceError => sourceError('http', 'Fake server error (500).', { status: 500 });
