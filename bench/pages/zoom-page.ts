import { sessionJson } from '../../main/demo/zoom-video-sdk/listings';
import { sessionsStartedIn } from '../../main/demo/zoom-video-sdk/sessions';
import { DAY, DEMO_INCIDENTS, type Scenario } from '../../main/demo/scenario';

/**
 * One full page of `GET /videosdk/sessions?type=past&page_size=300` (Zoom's
 * largest page), built from the simulator's own sessions and `sessionJson`.
 */
export const ZOOM_SESSIONS = 300;
const SCENARIO: Scenario = { seed: 4004, peakViewers: 60, incidents: DEMO_INCIDENTS };

export function zoomPageText(now: number): string {
  const past = sessionsStartedIn(SCENARIO, now - 14 * DAY, now - DAY).slice(-ZOOM_SESSIONS);
  if (past.length !== ZOOM_SESSIONS)
    throw new Error(`the Zoom simulator gave ${past.length} sessions, not ${ZOOM_SESSIONS}`);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return JSON.stringify({
    from: day(now - 14 * DAY),
    to: day(now),
    page_size: ZOOM_SESSIONS,
    next_page_token: 'bench-next-page-token',
    sessions: past.map((session) => sessionJson(SCENARIO, session, now)),
  });
}
