import { API_VIDEO_SIM_SCENARIO, createWorld } from '../../main/demo/api-video';
import { playerSessionJson, sessionsIn, type SessionWorld } from '../../main/demo/api-video/player-sessions';
import { DAY, HOUR } from '../../main/demo/scenario';
import { RawPlayerSessionSchema } from '../../main/providers/api-video/schema';
import { toSession as toApiVideoSession } from '../../main/providers/api-video/to-model';
import { SessionsBodySchema } from '../../main/providers/conviva/schema';
import { toSession as toConvivaSession } from '../../main/providers/conviva/to-model';
import { SessionRecentResponseSchema } from '../../main/providers/naver-vpe/schema';
import { toSession as toNaverSession } from '../../main/providers/naver-vpe/to-model';
import { SessionListSchema } from '../../main/providers/zoom-video-sdk/schema';
import { toSession as toZoomSession } from '../../main/providers/zoom-video-sdk/to-model';
import type { Session } from '@shared/model/samples';
import type { BuiltInPlatform } from '../../test/support/platforms';
import { convivaPageText } from './conviva-page';
import { naverPageText } from './naver-page';
import { zoomPageText } from './zoom-page';

/**
 * Sessions as the providers' own mappers produce them, for the figures that
 * need a state holding thousands (2, 3, 4): simulator payloads, parsed with
 * the real schemas, mapped with the real mappers, so row sizes and field
 * mixes are what the hub and the renderer really hold. Where a page has
 * fewer sessions than asked, its sessions repeat under new ids.
 */
const DAY0 = Date.parse('2026-01-15T00:00:00Z');
const NOW = DAY0 + 22 * HOUR;

const templates = new Map<BuiltInPlatform, readonly Session[]>();

function templatesOf(kind: BuiltInPlatform): readonly Session[] {
  let found = templates.get(kind);
  if (!found) {
    found = build(kind);
    templates.set(kind, found);
  }
  return found;
}

function build(kind: BuiltInPlatform): Session[] {
  switch (kind) {
    case 'naver-vpe':
      return SessionRecentResponseSchema.parse(JSON.parse(naverPageText(NOW))).result.map((item) =>
        toNaverSession(item, { sourceId: 'template', timeZone: 'UTC', videoType: null }),
      );
    case 'conviva':
      return SessionsBodySchema.parse(JSON.parse(convivaPageText(DAY0).text)).sessions.map((raw) =>
        toConvivaSession('template', raw),
      );
    case 'zoom-video-sdk':
      return SessionListSchema.parse(JSON.parse(zoomPageText(NOW))).sessions.items.map((raw) =>
        toZoomSession('template', raw),
      );
    case 'api-video': {
      const w: SessionWorld = {
        scenario: API_VIDEO_SIM_SCENARIO,
        world: createWorld(API_VIDEO_SIM_SCENARIO.seed),
        overrides: new Map(),
      };
      return w.world.media.flatMap((media) =>
        sessionsIn(w, media, NOW - 2 * DAY, NOW, NOW).map((session) =>
          toApiVideoSession('template', RawPlayerSessionSchema.parse(playerSessionJson(w, session)), {
            id: media.id,
            type: media.type,
            name: media.name,
          }),
        ),
      );
    }
  }
}

/**
 * When a batch of sessions was reported: each one ends (or, still running,
 * starts) at a moment spread evenly over the `spanMs` before `end`, the first
 * of the batch the newest. A poll lists what happened since the last one, so
 * a held state filled this way has its newest sessions at the top of the
 * table and inside the overview's time ranges, as an operator's does.
 */
export interface ReportedWithin {
  readonly end: number;
  readonly spanMs: number;
}

/**
 * `count` mapped sessions of one platform for one source; `generation` gives
 * fresh ids for new arrivals, `reported` moves their times (the templates' own
 * are spread over a day in January 2026).
 */
export function sessionsFor(
  kind: BuiltInPlatform,
  sourceId: string,
  count: number,
  generation = 0,
  reported?: ReportedWithin,
): Session[] {
  const pool = templatesOf(kind);
  return Array.from({ length: count }, (_, i) => {
    const template = pool[i % pool.length]!;
    const session = { ...template, sourceId, id: `${template.id}~${generation}.${i}` };
    return reported ? reportedAt(session, reported.end - Math.floor((i / count) * reported.spanMs)) : session;
  });
}

/** The session moved in time, durations kept, so that it ended (or, still running, started) at `at`. */
function reportedAt(session: Session, at: number): Session {
  const anchor = session.endedAt ?? session.startedAt;
  if (anchor === null) return session;
  const shift = at - anchor;
  return {
    ...session,
    startedAt: session.startedAt === null ? null : session.startedAt + shift,
    endedAt: session.endedAt === null ? null : session.endedAt + shift,
    events: session.events?.map((event) => ({ ...event, at: event.at + shift })) ?? null,
  };
}

/** The same session after one more poll: it ran a minute longer (what most changes between polls are). */
export function aMinuteLater(session: Session): Session {
  return {
    ...session,
    endedAt: (session.endedAt ?? session.startedAt ?? NOW) + 60_000,
    playingMs: (session.playingMs ?? 0) + 60_000,
  };
}
