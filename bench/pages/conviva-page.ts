import { DEFAULT_CONVIVA_SCENARIO } from '../../main/demo/conviva/sim';
import { answerSessions } from '../../main/demo/conviva/sessions-route';
import { HOUR } from '../../main/demo/scenario';

/**
 * One full `GET /sessions/content` answer: `limit=1500` over a 3-hour window
 * at the evening peak, where the simulator has far more ended sessions than
 * 1,500 and so returns a full sample, with its mixed types (flags as strings,
 * numbers as strings, nested sections) exactly as the provider meets them.
 */
export const CONVIVA_SESSIONS = 1500;

export function convivaPageText(day: number): { text: string; params: Record<string, string> } {
  const end = day + 21 * HOUR;
  const params = { start_epoch_ms: String(end - 3 * HOUR), end_epoch_ms: String(end), limit: String(CONVIVA_SESSIONS) };
  const { response } = answerSessions(new URLSearchParams(params), {
    model: { scenario: DEFAULT_CONVIVA_SCENARIO, endRatePerMinute: 0.002, viewerKey: 'conviva' },
    now: end + HOUR,
    limitMode: 'standard',
    viewerModule: true,
  });
  const body = response.body as { sessions: unknown[] };
  if (response.status !== 200 || body.sessions.length !== CONVIVA_SESSIONS) {
    throw new Error(`the Conviva simulator gave ${body.sessions?.length ?? 0} sessions, not ${CONVIVA_SESSIONS}`);
  }
  return { text: JSON.stringify(body), params };
}
