import { describe, expect, it } from 'vitest';
import { createNaverSim, type NaverSim } from '../../../../main/demo/naver-vpe/sim';
import { decodeUuid, sessionAt, startsInMinute, uuidFor } from '../../../../main/demo/naver-vpe/sessions';
import { HOUR, MINUTE, viewersAt, type Scenario } from '../../../../main/demo/scenario';

const NOW = Date.parse('2025-10-10T20:25:30Z');
const ACTIONS = [
  'player_start',
  'startup',
  'playing',
  'paused',
  'seeking',
  'rebuffering',
  'prev_tarck',
  'next_track',
  'ended',
  'error',
];

type Body = { code?: unknown; message?: unknown; result?: any; error?: { errorCode: string; message: string } };

function get(
  sim: NaverSim,
  pathAndQuery: string,
  headers: Record<string, string> = { 'x-api-key': sim.apiKey, 'x-project-id': sim.projectId },
) {
  const url = new URL(pathAndQuery, 'http://sim');
  const answer = sim.handler({ method: 'GET', path: url.pathname, query: url.searchParams, headers, body: '' });
  return { status: answer.status, body: answer.body as Body };
}

describe('NAVER simulator: currentViewers', () => {
  it('answers 60 per-minute points, newest first, in UTC, from the scenario', () => {
    const sim = createNaverSim({ now: () => NOW });
    const { status, body } = get(sim, '/v1/charts/currentViewers?device=PC,Mobile&videoType=VOD,LIVE');
    expect(status).toBe(200);
    expect(body.code).toBe(200);
    expect(body.message).toBe('currentViewers (1m)');
    expect(body.result).toHaveLength(60);
    expect(body.result[0]).toEqual({
      currentViewerCnt: viewersAt(sim.scenario, Date.parse('2025-10-10T20:24:00Z'), 'naver-vpe'),
      logDate: '2025-10-10 20:24:00',
    });
    expect(body.result[59].logDate).toBe('2025-10-10 19:25:00');
    expect(
      body.result.every((point: { currentViewerCnt: unknown }) => typeof point.currentViewerCnt === 'number'),
    ).toBe(true);
  });

  it('counts only the asked device and video type', () => {
    const sim = createNaverSim({ now: () => NOW });
    const all = get(sim, '/v1/charts/currentViewers').body.result[0].currentViewerCnt;
    const pc = get(sim, '/v1/charts/currentViewers?device=PC').body.result[0].currentViewerCnt;
    const pcLive = get(sim, '/v1/charts/currentViewers?device=PC&videoType=LIVE').body.result[0].currentViewerCnt;
    expect(pc).toBeLessThan(all);
    expect(pcLive).toBeLessThan(pc);
    expect(pcLive).toBeGreaterThan(0);
  });

  it('moves with the injected clock', () => {
    let now = NOW;
    const sim = createNaverSim({ now: () => now });
    const before = get(sim, '/v1/charts/currentViewers').body.result;
    now += MINUTE;
    const after = get(sim, '/v1/charts/currentViewers').body.result;
    expect(after[0].logDate).toBe('2025-10-10 20:25:00');
    expect(after[1]).toEqual(before[0]);
  });
});

describe('NAVER simulator: auth and modes', () => {
  it('refuses a wrong or missing key inside an HTTP 200', () => {
    const sim = createNaverSim({ now: () => NOW });
    const attempts: Array<Record<string, string>> = [
      {},
      { 'x-api-key': sim.apiKey },
      { 'x-api-key': 'wrong', 'x-project-id': sim.projectId },
    ];
    for (const headers of attempts) {
      const { status, body } = get(sim, '/v1/sessionRecent', headers);
      expect(status).toBe(200);
      expect(body.error).toMatchObject({ errorCode: '200', message: 'Authentication Failed' });
      expect(body.result).toBeUndefined();
    }
  });

  it('refuses the right key too in bad-key mode, and says Unauthorized when not subscribed', () => {
    const sim = createNaverSim({ now: () => NOW });
    sim.setMode('bad-key');
    expect(get(sim, '/v1/charts/currentViewers').body.error?.message).toBe('Authentication Failed');
    sim.setMode('not-subscribed');
    expect(get(sim, '/v1/charts/currentViewers').body).toEqual({ code: 200, message: 'Unauthorized' });
    sim.setMode('normal');
    expect(get(sim, '/v1/charts/currentViewers').body.code).toBe(200);
  });

  it('sends the documented type drift, and a wrong type in bad-field mode', () => {
    const sim = createNaverSim({ now: () => NOW });
    sim.setMode('drift');
    const drift = get(sim, '/v1/sessionRecent?limit=3').body;
    expect(drift.code).toBe('200');
    expect(['true', 'false']).toContain(drift.result[0].isError);
    sim.setMode('bad-field');
    expect(get(sim, '/v1/sessionRecent?limit=3').body.result[0].playingTime).toBe('n/a');
    expect(get(sim, '/v1/charts/currentViewers').body.result[0].currentViewerCnt).toBe('many');
  });

  it('answers 503 during an API outage of the scenario', () => {
    const scenario: Scenario = {
      seed: 1,
      peakViewers: 100,
      incidents: [{ kind: 'api-outage', startMs: 0, durationMs: HOUR, periodMs: 2 * HOUR }],
    };
    const sim = createNaverSim({ now: () => Date.parse('2025-10-10T00:30:00Z'), scenario });
    expect(get(sim, '/v1/charts/currentViewers').status).toBe(503);
  });
});

describe('NAVER simulator: sessionRecent', () => {
  const sim = createNaverSim({ now: () => NOW });
  const body = get(sim, '/v1/sessionRecent?device=PC,Mobile&videoType=VOD,LIVE').body;

  it('answers up to 100 sessions, newest first, shaped like the seed', () => {
    expect(body.code).toBe(200);
    expect(body.message).toBe('sessionRecent (1d)');
    expect(body.result).toHaveLength(100);
    const dates = body.result.map((item: { logDate: string }) => item.logDate);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const item of body.result) {
      expect(typeof item.no).toBe('string');
      expect(typeof item.playingTime).toBe('number');
      expect(typeof item.isError).toBe('boolean');
      expect(item.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(item.sessionLog[0].actionType).toBe('player_start');
      expect(item.sessionLog[0].uuid).toBe(`${item.uuid.slice(0, 8)}-****-****-****-${item.uuid.slice(-12)}`);
      expect(item.logDate).toBe(item.sessionLog.at(-1).logDate);
      expect(item.isError).toBe(item.sessionLog.some((entry: { actionType: string }) => entry.actionType === 'error'));
      for (const entry of item.sessionLog) {
        expect(ACTIONS).toContain(entry.actionType);
        expect(entry.videoTime).toMatch(/^\d\d:\d\d:\d\d$/);
        expect(entry.logDate <= '2025-10-10 20:25:30').toBe(true);
        if (entry.actionType === 'playing') expect(entry.actionDuration).toBeLessThanOrEqual(60_060);
      }
    }
  });

  it('is deterministic for a seed and a time', () => {
    expect(get(createNaverSim({ now: () => NOW }), '/v1/sessionRecent').body).toEqual(body);
  });

  it('honours limit (at most 100) and the filters', () => {
    expect(get(sim, '/v1/sessionRecent?limit=7').body.result).toHaveLength(7);
    expect(get(sim, '/v1/sessionRecent?limit=500').body.result).toHaveLength(100);
    expect(get(sim, '/v1/sessionRecent?limit=7').body.result).toEqual(body.result.slice(0, 7));
    const mobile = get(sim, '/v1/sessionRecent?device=Mobile').body.result;
    expect(mobile.every((item: { device: string }) => item.device === 'Mobile')).toBe(true);
    const live = get(sim, '/v1/sessionRecent?videoType=LIVE&limit=10').body.result;
    for (const item of live)
      expect(get(sim, `/v1/sessionRecent/${item.uuid}`).body.result.media.videoType).toBe('LIVE');
  });

  it('serves the detail of a listed session, and a NAVER error for an unknown one', () => {
    const item = body.result.find((candidate: { isError: boolean }) => candidate.isError) ?? body.result[0];
    const detail = get(sim, `/v1/sessionRecent/${encodeURIComponent(item.uuid)}`).body;
    expect(detail.code).toBe(200);
    expect(detail.result.sessionLog).toEqual(item.sessionLog);
    expect(detail.result.user.device).toBe(item.device);
    expect(detail.result.startTime.totalStartTimeSum).toBe(item.totalStartTime);
    if (item.isError) expect(detail.result.error.errorCode).toMatch(/^E000\d$/);
    expect(get(sim, '/v1/sessionRecent/00000000-0000-4000-8000-000000000000').body.error?.errorCode).toBe('300');
  });

  it('fails far more sessions during the error spike', () => {
    const failedShare = (fromMinute: number, minutes: number) => {
      let failed = 0;
      let total = 0;
      for (let minute = fromMinute; minute < fromMinute + minutes; minute++) {
        for (let index = 0; index < startsInMinute(sim.scenario, minute); index++) {
          total++;
          if (sessionAt(sim.scenario, minute, index).log.some((entry) => entry.actionType === 'error')) failed++;
        }
      }
      return failed / total;
    };
    const base = Math.floor(Date.parse('2025-10-10T20:00:00Z') / MINUTE); // the demo spike runs :20–:28 of even hours
    expect(failedShare(base + 20, 8)).toBeGreaterThan(0.3);
    expect(failedShare(base + 40, 30)).toBeLessThan(0.12);
  });

  it('round-trips a session place through its uuid', () => {
    const minute = Math.floor(NOW / MINUTE);
    expect(decodeUuid(7, uuidFor(7, minute, 12))).toEqual({ minute, index: 12 });
    expect(decodeUuid(8, uuidFor(7, minute, 12))).toBeNull();
  });
});
