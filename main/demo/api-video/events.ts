import { noise } from '../scenario';
import type { SimPlayerSession } from './player-sessions';

/**
 * The events of a player session in the legacy analytics API's shapes: `at` (player position,
 * whole seconds) on ready/play/pause/resume/end, `from`/`to` instead on
 * seek.forward/seek.backward, `emittedAt` as an ISO date-time. Long sessions
 * pass 100 events, so a client reading them must follow the pagination.
 */

export type SimEvent =
  | { readonly type: 'ready' | 'play' | 'pause' | 'resume' | 'end'; readonly at: number; readonly emittedAt: string }
  | {
      readonly type: 'seek.forward' | 'seek.backward';
      readonly from: number;
      readonly to: number;
      readonly emittedAt: string;
    };

const MAX_EVENTS = 150;

export function eventsOf(seed: number, session: SimPlayerSession, now: number): SimEvent[] {
  const r = (...keys: Array<string | number>) => noise(seed, 'event', session.sessionId, ...keys);
  const iso = (ms: number) => new Date(ms).toISOString();
  const stop = Math.min(session.endedAt ?? now, now);
  const events: SimEvent[] = [{ type: 'ready', at: 0, emittedAt: iso(session.loadedAt) }];
  let t = session.loadedAt + Math.round(1000 + r('start') * 4000);
  if (t > stop) return events;
  events.push({ type: 'play', at: 0, emittedAt: iso(t) });

  let position = 0;
  let paused = false;
  for (let i = 0; events.length < MAX_EVENTS - 1; i++) {
    const stepMs = Math.round((5 + r('step', i) * 55) * 1000);
    if (t + stepMs >= stop) break;
    t += stepMs;
    if (!paused) position += Math.round(stepMs / 1000);
    const roll = r('action', i);
    if (paused) {
      events.push({ type: 'resume', at: position, emittedAt: iso(t) });
      paused = false;
    } else if (roll < 0.5) {
      events.push({ type: 'pause', at: position, emittedAt: iso(t) });
      paused = true;
    } else {
      const jump = Math.round(5 + r('jump', i) * 115);
      const to = roll < 0.75 ? position + jump : Math.max(0, position - jump);
      events.push({ type: to >= position ? 'seek.forward' : 'seek.backward', from: position, to, emittedAt: iso(t) });
      position = to;
    }
  }
  if (session.endedAt !== null && session.endedAt <= now) {
    events.push({ type: 'end', at: position, emittedAt: iso(session.endedAt) });
  }
  return events;
}
