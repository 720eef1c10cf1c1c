import { describe, expect, it } from 'vitest';
import { createApiVideoSim, isBroadcasting, type ApiVideoSimOptions } from '../../../../main/demo/api-video';
import { HOUR, MINUTE, type Scenario } from '../../../../main/demo/scenario';
import { fakeClock } from './fake-fetch';

const START = Date.parse('2026-03-10T20:00:00Z');
const scenario: Scenario = { seed: 5, peakViewers: 800, incidents: [] };

function sim(extra: Partial<ApiVideoSimOptions> = {}) {
  const clock = fakeClock(START);
  const s = createApiVideoSim({ scenario, now: clock.now, ...extra });
  const basic = `Basic ${Buffer.from(`${s.apiKey}:`).toString('base64')}`;
  const get = (path: string, query: Record<string, string> = {}, authorization = basic) =>
    s.handler({ method: 'GET', path, query: new URLSearchParams(query), headers: { authorization }, body: '' });
  const post = (path: string, body: object) =>
    s.handler({ method: 'POST', path, query: new URLSearchParams(), headers: {}, body: JSON.stringify(body) });
  return { ...s, clock, get, post };
}

type Json = Record<string, any>;

describe('api.video simulator', () => {
  it('starts and stops live streams on the scenario clock', () => {
    const s = sim();
    const stream = s.world.media[1]!;
    const states = Array.from({ length: 12 }, (_, i) => isBroadcasting(stream, START + i * 10 * MINUTE));
    expect(states).toContain(true);
    expect(states).toContain(false);
    const listed = (s.get('/live-streams').body as Json).data.map((item: Json) => item.broadcasting);
    expect(listed).toEqual(s.world.media.filter((m) => m.type === 'live-stream').map((m) => isBroadcasting(m, START)));
  });

  it('pages with currentPage/pageSize and rel links', () => {
    const s = sim({ world: { liveStreams: 5 } });
    const body = s.get('/live-streams', { currentPage: '2', pageSize: '2' }).body as Json;
    expect(body.data).toHaveLength(2);
    expect(body.pagination).toMatchObject({
      currentPage: 2,
      pageSize: 2,
      pagesTotal: 3,
      itemsTotal: 5,
      currentPageItems: 2,
    });
    expect(body.pagination.links.map((l: Json) => l.rel)).toEqual(['self', 'first', 'previous', 'next', 'last']);
    expect(body.pagination.links[3].uri).toBe('/live-streams?currentPage=3&pageSize=2');
    expect(s.get('/live-streams', { pageSize: '101' }).status).toBe(400);
  });

  it('derives the same player sessions every time, none loaded after now', () => {
    const s = sim();
    const id = s.world.media[0]!.id;
    const first = s.get(`/analytics/live-streams/${id}`, { period: '2026-03-10', pageSize: '100' }).body as Json;
    const again = s.get(`/analytics/live-streams/${id}`, { period: '2026-03-10', pageSize: '100' }).body as Json;
    expect(first).toEqual(again);
    expect(first.data.length).toBeGreaterThan(0);
    for (const item of first.data)
      expect(Date.parse(item.session.loadedAt.replace(/\+00$/, 'Z'))).toBeLessThanOrEqual(START);
    expect(first.data.some((item: Json) => item.session.endedAt === undefined)).toBe(true);
  });

  it('serves the legacy analytics event shapes', () => {
    const s = sim();
    const id = s.world.media[0]!.id;
    const sessions = (s.get(`/analytics/live-streams/${id}`, { period: '2026-03-10', pageSize: '100' }).body as Json)
      .data;
    const events = (
      s.get(`/analytics/sessions/${sessions[0].session.sessionId}/events`, { pageSize: '100' }).body as Json
    ).data;
    expect(events[0]).toMatchObject({ type: 'ready', at: 0 });
    for (const event of events) {
      expect(event.emittedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      if (event.type.startsWith('seek.'))
        expect(Object.keys(event).sort()).toEqual(['emittedAt', 'from', 'to', 'type']);
      else expect(Object.keys(event).sort()).toEqual(['at', 'emittedAt', 'type']);
    }
    expect(s.get('/analytics/sessions/psUnknown/events').status).toBe(404);
  });

  it('refuses a wrong key: 401 on Basic, 400 from /auth/api-key', () => {
    const s = sim();
    expect(s.get('/live-streams', {}, `Basic ${Buffer.from('nope:').toString('base64')}`).status).toBe(401);
    expect(s.post('/auth/api-key', { apiKey: 'nope' }).status).toBe(400);
  });

  it('expires tokens after expires_in, and on demand', () => {
    const s = sim({ expiresInS: 120 });
    const token = s.post('/auth/api-key', { apiKey: s.apiKey }).body as Json;
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 120 });
    expect(s.get('/videos', {}, `Bearer ${token.access_token}`).status).toBe(200);
    s.clock.advance(121_000);
    expect(s.get('/videos', {}, `Bearer ${token.access_token}`).status).toBe(401);
    const renewed = s.post('/auth/refresh', { refreshToken: token.refresh_token }).body as Json;
    expect(s.get('/videos', {}, `Bearer ${renewed.access_token}`).status).toBe(200);
    expect(s.post('/auth/refresh', { refreshToken: token.refresh_token }).status).toBe(400);
    s.controls.expireTokens();
    expect(s.get('/videos', {}, `Bearer ${renewed.access_token}`).status).toBe(401);
  });

  it('counts reads per minute, with the sandbox limit of 100', () => {
    const s = sim({ environment: 'sandbox' });
    for (let i = 0; i < 100; i++) expect(s.get('/videos').status).toBe(200);
    const limited = s.get('/videos');
    expect(limited.status).toBe(429);
    expect(limited.headers).toMatchObject({
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Retry-After': '60',
    });
    s.clock.advance(MINUTE);
    expect(s.get('/videos').headers).toMatchObject({ 'X-RateLimit-Remaining': '99' });
  });

  it('plays the scenario incidents: outage, 429 storm, expired tokens', () => {
    const incidents = [
      { kind: 'api-outage', startMs: START, durationMs: MINUTE },
      { kind: 'rate-limit-storm', startMs: START + HOUR, durationMs: MINUTE },
      { kind: 'expired-token', startMs: START + 2 * HOUR, durationMs: 10 * MINUTE },
    ] as const;
    const s = sim({ scenario: { ...scenario, incidents } } as Partial<ApiVideoSimOptions>);
    expect(s.get('/videos').status).toBe(503);
    s.clock.advance(HOUR);
    expect(s.get('/videos').status).toBe(429);
    s.clock.advance(HOUR - 2 * MINUTE);
    const token = s.post('/auth/api-key', { apiKey: s.apiKey }).body as Json;
    s.clock.advance(3 * MINUTE);
    expect(s.get('/videos', {}, `Bearer ${token.access_token}`).status).toBe(401);
  });

  it('refuses media filters on ccv and dates that are not ATOM, with a problem body', () => {
    const s = sim();
    const filtered = s.get('/data/metrics/ccv/live', { 'filterBy[mediaType]': 'live-stream' });
    expect(filtered.status).toBe(400);
    expect((filtered.body as Json).problems[0].name).toBe('filterBy[mediaType]');
    const byId = s.get('/data/timeseries/ccv-peak', { 'filterBy[mediaId][]': s.world.media[0]!.id });
    expect(byId.status).toBe(400);
    const window = { interval: 'minute', from: '2026-03-10T19:10:00+00:00', to: '2026-03-10T20:00:00+00:00' };
    expect(s.get('/data/timeseries/ccv-peak', window).status).toBe(200);
    const iso = s.get('/data/timeseries/ccv-peak', { ...window, to: '2026-03-10T20:00:00.000Z' });
    expect(iso.status).toBe(400);
    expect((iso.body as Json).problems[0].name).toBe('to');
  });

  it('lists player sessions of a UTC day by default, as the legacy period does', () => {
    const s = sim({ now: () => Date.parse('2026-03-11T00:05:00Z') });
    const id = s.world.media.find((m) => m.type === 'video')!.id;
    const listed = (period?: string) =>
      (
        (s.get(`/analytics/videos/${id}`, period ? { period, pageSize: '100' } : { pageSize: '100' }).body as Json)
          .data as Json[]
      ).map((item) => item.session.loadedAt as string);
    expect(listed().every((at) => at.startsWith('2026-03-11'))).toBe(true);
    expect(listed('today')).toEqual(listed());
    expect(listed('yesterday').length).toBeGreaterThan(0);
    expect(listed('yesterday').every((at) => at.startsWith('2026-03-10'))).toBe(true);
    expect(listed('2026-03-10/2026-03-11')).toEqual([...listed('yesterday'), ...listed()]);
  });
});
