import { eventsOf } from '../../main/demo/api-video/events';
import { paginate } from '../../main/demo/api-video/paging';
import type { SimPlayerSession } from '../../main/demo/api-video/player-sessions';
import { API_VIDEO_SIM_SCENARIO, createWorld } from '../../main/demo/api-video';
import { HOUR } from '../../main/demo/scenario';

/**
 * One full page of `GET /analytics/sessions/{id}/events` (pageSize=100, the
 * maximum): the simulator's events of a three-hour session, which has more
 * than 100, paged by the simulator's own paginate().
 */
export const API_VIDEO_EVENTS = 100;
export const API_VIDEO_SESSION_ID = 'ps0001bench';

export function apiVideoPageText(now: number): string {
  const world = createWorld(API_VIDEO_SIM_SCENARIO.seed);
  const session: SimPlayerSession = {
    sessionId: API_VIDEO_SESSION_ID,
    media: world.media[0]!,
    loadedAt: now - 4 * HOUR,
    endedAt: now - HOUR,
  };
  const events = eventsOf(API_VIDEO_SIM_SCENARIO.seed, session, now);
  const path = `/analytics/sessions/${API_VIDEO_SESSION_ID}/events`;
  const page = paginate(path, events, { page: 1, pageSize: API_VIDEO_EVENTS }, 'off');
  if (page.data.length !== API_VIDEO_EVENTS) {
    throw new Error(`the api.video simulator gave ${page.data.length} events, not ${API_VIDEO_EVENTS}`);
  }
  return JSON.stringify(page);
}
