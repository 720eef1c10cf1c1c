import { createStateHub, type WritableStateHub } from '../../main/engine/state-hub';
import { providers } from '../../main/providers/registry';
import type { Session, ViewerPoint } from '@shared/model/samples';
import { sessionsFor } from '../pages/held-sessions';
import { FLEET } from './fleet';

/**
 * A state hub holding what a busy day leaves behind: ten sources, a 24-hour
 * viewer series each at one point a minute, and 10,000 sessions (the hub's
 * default capacity), filled through the hub's own write methods.
 */
export const HELD_SESSIONS = 10_000;
export const SERIES_POINTS = 24 * 60;
const MINUTE = 60_000;
/**
 * The sessions held were reported over the last ten minutes: 10,000 at a busy
 * fleet's rate, all inside the overview's default hour.
 */
const HELD_SPAN_MS = 10 * MINUTE;

export interface HeldHub {
  readonly hub: WritableStateHub;
  /** Each source's sessions as the hub was given them: a poll that re-sends them unchanged changes nothing. */
  readonly sessions: ReadonlyMap<string, readonly Session[]>;
  /** The hub's clock; move it with `advance`. */
  now(): number;
  advance(ms: number): void;
}

export function viewerSeries(sourceIndex: number, end: number, points: number): ViewerPoint[] {
  return Array.from({ length: points }, (_, i) => {
    const at = end - (points - 1 - i) * MINUTE;
    const phase = (at / (24 * 60 * MINUTE)) * 2 * Math.PI;
    return { at, viewers: Math.round(400 + 300 * Math.sin(phase + sourceIndex) + ((i * 7919) % 37)) };
  });
}

export function createHeldHub(start = Date.parse('2026-01-15T22:00:00Z')): HeldHub {
  let now = start;
  const hub = createStateHub({ now: () => now });
  const perSource = HELD_SESSIONS / FLEET.length;
  const sessions = new Map<string, readonly Session[]>();
  FLEET.forEach((source, index) => {
    const provider = providers[source.kind]!;
    hub.registerSource({
      id: source.id,
      name: source.name,
      provider: source.kind,
      providerLabel: provider.label,
      metric: provider.metric,
      demo: false,
      intervalMs: MINUTE,
    });
    const held = sessionsFor(source.kind, source.id, perSource, 0, { end: now, spanMs: HELD_SPAN_MS });
    sessions.set(source.id, held);
    hub.applySample(source.id, { viewers: viewerSeries(index, now, SERIES_POINTS), sessions: held });
    hub.setHealth(source.id, { status: 'ok' }, now);
  });
  return {
    hub,
    sessions,
    now: () => now,
    advance: (ms) => void (now += ms),
  };
}
