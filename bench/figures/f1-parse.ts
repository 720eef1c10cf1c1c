import { HOUR } from '../../main/demo/scenario';
import { LABEL as API_VIDEO } from '../../main/providers/api-video/errors';
import { EventsPageSchema } from '../../main/providers/api-video/schema';
import { toSessionWithEvents } from '../../main/providers/api-video/to-model';
import { createConvivaClient } from '../../main/providers/conviva/client';
import { SessionsBodySchema } from '../../main/providers/conviva/schema';
import { toSession as toConvivaSession } from '../../main/providers/conviva/to-model';
import { parseJson, parseWith, type HttpAnswer } from '../../main/providers/http';
import { judge as judgeNaver } from '../../main/providers/naver-vpe/client';
import { SessionRecentResponseSchema } from '../../main/providers/naver-vpe/schema';
import { toSession as toNaverSession } from '../../main/providers/naver-vpe/to-model';
import { SessionListSchema } from '../../main/providers/zoom-video-sdk/schema';
import { toPastSample } from '../../main/providers/zoom-video-sdk/to-model';
import type { Result } from '@shared/result';
import { API_VIDEO_EVENTS, API_VIDEO_SESSION_ID, apiVideoPageText } from '../pages/api-video-page';
import { CONVIVA_SESSIONS, convivaPageText } from '../pages/conviva-page';
import { NAVER_LOG_ENTRIES, NAVER_SESSIONS, naverPageText } from '../pages/naver-page';
import { ZOOM_SESSIONS, zoomPageText } from '../pages/zoom-page';
import { judge, type Row } from '../support/result';
import { round, summarize, timeInterleaved } from '../support/stats';

/**
 * Figure 1: parse + validate + map one full page per platform, against
 * JSON.parse of the same text. The candidate is exactly what each client
 * does after the HTTP answer arrived (status and error-body checks, JSON
 * parse, the zod schema, the pure mapper), called synchronously so the
 * timing holds no awaits.
 */
const BUDGET_RATIO = 3;
const DAY0 = Date.parse('2026-01-15T00:00:00Z');
const NOW = DAY0 + 22 * HOUR;
const SOURCE = 'bench';

interface Case {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly run: () => unknown;
  /** Proves the candidate took the success path and mapped everything, before anything is timed. */
  readonly check: (mapped: unknown) => string | null;
}

function valueOf<T>(result: Result<T, { message: string }>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const answer = (text: string): HttpAnswer => ({ status: 200, headers: new Headers(), text });

function cases(): Case[] {
  const naverText = naverPageText(NOW);
  const naverContext = { sourceId: SOURCE, timeZone: 'UTC', videoType: null };
  const conviva = convivaPageText(DAY0);
  const convivaClient = createConvivaClient({
    http: { send: () => Promise.reject(new Error('not used')) },
    baseUrl: 'https://api.conviva.com/insights/3.0',
    clientId: 'bench',
    clientSecret: 'bench',
    now: () => NOW,
  });
  const apiVideoText = apiVideoPageText(NOW);
  const zoomText = zoomPageText(NOW);
  return [
    {
      id: '1a',
      title: `NAVER VPE sessionRecent (${NAVER_SESSIONS} sessions × ${NAVER_LOG_ENTRIES} log entries)`,
      text: naverText,
      run: () =>
        valueOf(judgeNaver(answer(naverText), SessionRecentResponseSchema, NOW)).result.map((item) =>
          toNaverSession(item, naverContext),
        ),
      check: (mapped) => {
        const sessions = mapped as ReturnType<typeof toNaverSession>[];
        const events = sessions.reduce((sum, s) => sum + (s.events?.length ?? 0), 0);
        return sessions.length === NAVER_SESSIONS && events === NAVER_SESSIONS * NAVER_LOG_ENTRIES
          ? null
          : `mapped ${sessions.length} sessions with ${events} events`;
      },
    },
    {
      id: '1b',
      title: `Conviva sessions/content (${CONVIVA_SESSIONS.toLocaleString('en-US')} sessions)`,
      text: conviva.text,
      run: () =>
        valueOf(
          convivaClient.read(answer(conviva.text), SessionsBodySchema, { feature: 'sessions', params: conviva.params }),
        ).sessions.map((raw) => toConvivaSession(SOURCE, raw)),
      check: (mapped) =>
        (mapped as unknown[]).length === CONVIVA_SESSIONS ? null : `mapped ${(mapped as unknown[]).length} sessions`,
    },
    {
      id: '1c',
      title: `api.video session events (${API_VIDEO_EVENTS} events)`,
      text: apiVideoText,
      run: () => {
        const page = valueOf(parseWith(API_VIDEO, EventsPageSchema, valueOf(parseJson(API_VIDEO, apiVideoText))));
        return toSessionWithEvents(SOURCE, API_VIDEO_SESSION_ID, page.data, null);
      },
      check: (mapped) => {
        const count = (mapped as ReturnType<typeof toSessionWithEvents>).events?.length;
        return count === API_VIDEO_EVENTS ? null : `mapped ${count} events`;
      },
    },
    {
      id: '1d',
      title: `Zoom Video SDK past sessions (${ZOOM_SESSIONS} sessions)`,
      text: zoomText,
      run: () => {
        const list = valueOf(parseWith('Zoom', SessionListSchema, valueOf(parseJson('Zoom', zoomText))));
        return toPastSample(SOURCE, list.sessions, null);
      },
      check: (mapped) => {
        const count = (mapped as ReturnType<typeof toPastSample>).sessions?.length;
        return count === ZOOM_SESSIONS ? null : `mapped ${count} sessions`;
      },
    },
  ];
}

export async function figure1(): Promise<Row[]> {
  return cases().map((item) => {
    const problem = item.check(item.run());
    if (problem) throw new Error(`${item.title}: the page did not parse as expected (${problem})`);
    const [candidate, baseline] = timeInterleaved([item.run, () => JSON.parse(item.text)], {
      warmup: 15,
      minReps: 30,
      maxReps: 300,
      budgetMs: 2_500,
      minSampleMs: 5,
    });
    const value = summarize(candidate!);
    const base = summarize(baseline!);
    const ratios = summarize(candidate!.map((ms, i) => ms / baseline![i]!));
    const ratio = value.median / base.median;
    return {
      id: item.id,
      figure: 1,
      title: `parse + validate + map: ${item.title}`,
      unit: 'ms',
      value,
      baseline: { label: 'JSON.parse of the same bytes', value: base, unit: 'ms' },
      budget: `≤ ${BUDGET_RATIO}× baseline`,
      compared: { label: 'median ÷ baseline median', value: round(ratio, 2), limit: BUDGET_RATIO },
      status: judge(ratio, BUDGET_RATIO),
      notes: [
        `${(Buffer.byteLength(item.text) / 1024).toFixed(0)} KiB page`,
        `paired ratio per repetition: min ${round(ratios.min)}×, median ${round(ratios.median)}×, max ${round(ratios.max)}× over ${ratios.n} repetitions`,
      ],
    };
  });
}
