import { sessionItem } from '../../main/demo/naver-vpe/payloads';
import type { VisibleSession } from '../../main/demo/naver-vpe/recent';
import { sessionAt, type SimLogEntry } from '../../main/demo/naver-vpe/sessions';
import { NAVER_SIM_SCENARIO } from '../../main/demo/naver-vpe/sim';
import { MINUTE, noise } from '../../main/demo/scenario';

/**
 * One full `GET /v1/sessionRecent` page: 100 sessions with 60 log entries each.
 * The simulator's own sessions are short (a `playing` report a minute, most
 * viewers leave within 20 minutes), so each session keeps the simulator's
 * identity, device and wire format (`sessionItem`) but gets an hour-long log,
 * the largest page NAVER can send.
 */
export const NAVER_SESSIONS = 100;
export const NAVER_LOG_ENTRIES = 60;

const INTERRUPTS = ['paused', 'seeking', 'rebuffering'] as const;

function hourLongLog(uuid: string, startAt: number, failed: boolean): SimLogEntry[] {
  const r = (step: number) => noise(NAVER_SIM_SCENARIO.seed, 'bench-log', uuid, step);
  const log: SimLogEntry[] = [];
  let t = startAt;
  let position = 0;
  const push = (actionType: string, durationMs: number) => {
    t += durationMs;
    log.push({ at: t, videoTimeS: Math.floor(position / 1000), actionType, durationMs });
  };
  push('player_start', 20 + Math.floor(r(0) * 40));
  push('startup', 300 + Math.floor(r(1) * 2000));
  for (let step = 2; step < NAVER_LOG_ENTRIES - 1; step++) {
    const roll = r(step);
    if (roll < 0.12) {
      push(INTERRUPTS[Math.floor(roll * 25) % INTERRUPTS.length]!, 200 + Math.floor(r(step + 100) * 4000));
    } else {
      const span = 59_960 + Math.floor(r(step + 200) * 100);
      position += span;
      push('playing', span);
    }
  }
  push(failed ? 'error' : 'ended', 0);
  return log;
}

export function naverPageText(now: number): string {
  const items = [];
  const firstMinute = Math.floor(now / MINUTE) - 120;
  for (let i = 0; i < NAVER_SESSIONS; i++) {
    const session = sessionAt(NAVER_SIM_SCENARIO, firstMinute + (i >> 2), i & 3);
    const log = hourLongLog(session.uuid, session.startAt, session.errorCode !== null);
    const seen: VisibleSession = { session, log, lastAt: log.at(-1)!.at };
    items.push(sessionItem(seen));
  }
  return JSON.stringify({ code: 200, message: 'sessionRecent (1d)', result: items });
}
